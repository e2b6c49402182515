using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Tests.Agents.Exploration;

/// <summary>One episode of exploring as the agent does it: the explorer sees the state before and after every step.</summary>
internal static class ExplorationRun
{
    /// <summary>
    /// Plays layout <paramref name="layout"/> for at most <paramref name="steps"/> steps of <paramref name="choose"/>'s
    /// actions; returns how many distinct places (<paramref name="place"/> of the perception) were reached.
    /// </summary>
    public static int PlacesReached<TPlace>(IEnvironment env, IPerception perception, IExplorer explorer, int layout, int steps,
        Func<int> choose, Func<IPerception, TPlace> place)
    {
        perception.Reset(env.Reset(layout).Observation);
        explorer.BeginEpisode(perception);
        var places = new HashSet<TPlace> { place(perception) };
        for (int t = 0; t < steps; t++)
        {
            int action = choose();
            explorer.BeforeStep(perception);
            StepResult step = env.Step(action);
            perception.Observe(action, step.Observation);
            explorer.AfterStep(action, perception);
            places.Add(place(perception));
            if (step.Done)
                break;
        }
        return places.Count;
    }
}
