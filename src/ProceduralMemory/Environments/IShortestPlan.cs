namespace ProceduralMemory.Environments;

/// <summary>
/// An environment that can work out the shortest plan from the state it was just reset to: the yardstick reports
/// put beside an agent's mean steps and return (<see cref="ShortestPlans"/>). For evaluation only: it may read state no agent
/// observes, so no agent ever calls it.
/// </summary>
public interface IShortestPlan : IEnvironment
{
    /// <summary>
    /// A shortest action sequence from the current (e.g. freshly reset) state to success, or null when none exists or
    /// the search gives up (an implementation may bound its search); the environment's state is left as it was.
    /// </summary>
    int[]? ShortestPlan();
}
