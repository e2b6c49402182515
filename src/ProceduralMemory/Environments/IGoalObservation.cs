namespace ProceduralMemory.Environments;

/// <summary>
/// An observation that states its task's goal as facts, read from what the agent is told (MiniGrid's mission text),
/// so that an agent can aim at a task it was never trained on by composing skills towards it.
/// </summary>
public interface IGoalObservation
{
    /// <summary>The facts that hold once the task is done (e.g. <c>at_goal=true</c>), or null when the observation says nothing the facts can express.</summary>
    FactCondition? Goal { get; }
}
