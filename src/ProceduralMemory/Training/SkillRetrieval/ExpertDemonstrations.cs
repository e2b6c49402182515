using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Learning;

namespace ProceduralMemory.Training.SkillRetrieval;

/// <summary>
/// Skills' demonstrations from a teacher: the shortest plan of each MiniGrid layout, played through the agent's own
/// perception and cut at sub-goal boundaries (<see cref="SubgoalSegmenter"/>), each piece labelled with the effect it
/// achieves. The solver sees the whole grid, as a teacher may; what is recorded is only what the agent perceives.
/// </summary>
public static class ExpertDemonstrations
{
    /// <summary>The labelled demonstrations of <paramref name="environment"/>'s layouts of <paramref name="seeds"/>; unsolvable layouts are skipped.</summary>
    /// <exception cref="ArgumentException">The environment is not a MiniGrid task.</exception>
    public static List<LabelledDemonstration> Collect(string environment, IEnumerable<int> seeds) =>
        [.. Episodes(environment, seeds).SelectMany(e => e.Demonstrations)];

    /// <summary>
    /// The teacher's episodes of <paramref name="environment"/>'s layouts of <paramref name="seeds"/>, each with its plan
    /// and its labelled pieces; unsolvable layouts are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">The environment is not a MiniGrid task.</exception>
    public static List<ExpertEpisode> Episodes(string environment, IEnumerable<int> seeds)
    {
        if (EnvironmentRegistry.Create(environment) is not MiniGridEnvironment env)
            throw new ArgumentException($"{environment} is not a MiniGrid task; the teacher plans only on MiniGrid grids.", nameof(environment));
        ulong subgoals = env.Facts.MaskOf([.. env.Facts.Subgoals]);
        var episodes = new List<ExpertEpisode>();
        foreach (int seed in seeds)
        {
            env.Reset(seed);
            if (ShortestPathSolver.Solve(env) is not { } plan)
                continue;
            // Reset again: the search steps the environment, which rewrites its observation in place.
            Observation first = env.Reset(seed).Observation;
            IPerception perception = Perceptions.For(env);
            perception.Reset(first);
            var episode = new List<AgentStep>(plan.Length);
            foreach (int action in plan)
            {
                var features = new float[perception.FeatureCount];
                perception.WriteFeatures(features);
                ulong facts = perception.Facts.Bits;
                long state = perception.StateKey;
                StepResult result = env.Step(action);
                perception.Observe(action, result.Observation);
                episode.Add(new AgentStep(state, facts, features, action, result.Reward, perception.Facts.Bits));
            }
            var pieces = new List<LabelledDemonstration>();
            var starts = new List<int>();
            foreach (Segment segment in SubgoalSegmenter.Segment(episode, subgoals))
            {
                if (segment.Steps.Count == 0)
                    continue;
                pieces.Add(new LabelledDemonstration(environment, seed, env.Facts.NameOf(segment.Effect), segment.Steps));
                starts.Add(episode.FindIndex(step => ReferenceEquals(step, segment.Steps[0])));
            }
            episodes.Add(new ExpertEpisode(seed, plan, pieces, starts));
        }
        return episodes;
    }
}
