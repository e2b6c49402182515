namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// A perception of a grid in which the agent tracks its own pose and can say what it would face elsewhere: what a
/// pose-aware explorer (<see cref="Exploration.NoveltyExplorer"/>) needs beyond <see cref="IPerception"/>.
/// </summary>
public interface IPoseTracking : IPerception
{
    /// <summary>The agent's pose relative to the episode's start.</summary>
    AgentPose Pose { get; }

    /// <summary>
    /// A small integer describing what the agent faces or stands on, the context in which an action's outcome
    /// is predictable (e.g. the cell in front and whether something is carried).
    /// </summary>
    int ActionContext => ContextAt(Pose);

    /// <summary>
    /// The <see cref="ActionContext"/> the agent would have at <paramref name="pose"/> with the facts it has now,
    /// judging by what it remembers (a context of its own when it has not seen what would be in front).
    /// </summary>
    int ContextAt(AgentPose pose);

    /// <summary>
    /// Whether the agent at <paramref name="pose"/> would face a cell it has never seen, so that going there shows it
    /// something new (false by default: a perception that sees the whole world has nothing left to reveal).
    /// </summary>
    bool FacesUnseen(AgentPose pose) => false;
}
