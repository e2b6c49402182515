using ProceduralMemory.Environments;

namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// What an agent perceives and remembers within one episode: the current observation, its own pose worked
/// out from its actions, and features that combine the observation with memory of earlier observations.
/// The only inputs a learning agent may use (never the simulator's hidden state).
/// </summary>
public interface IEpisodeMemory
{
    /// <summary>The length of <see cref="WriteFeatures"/>'s output.</summary>
    int FeatureCount { get; }

    /// <summary>The latest observation.</summary>
    Observation Observation { get; }

    /// <summary>The agent's pose relative to the episode's start.</summary>
    AgentPose Pose { get; }

    /// <summary>
    /// A small integer describing what the agent faces or stands on, the context in which an action's outcome
    /// is predictable (e.g. the cell in front and whether something is carried).
    /// </summary>
    int ActionContext { get; }

    /// <summary>
    /// The <see cref="ActionContext"/> the agent would have at <paramref name="pose"/> with the facts it has now,
    /// judging by what it remembers (a context of its own when it has not seen what would be in front).
    /// </summary>
    int ContextAt(AgentPose pose);

    /// <summary>Forgets everything and starts a new episode at <paramref name="first"/>.</summary>
    void Reset(Observation first);

    /// <summary>Takes in the observation that followed <paramref name="action"/>.</summary>
    void Observe(int action, Observation next);

    /// <summary>Writes the current features (observation plus memory) into <paramref name="destination"/>.</summary>
    void WriteFeatures(Span<float> destination);
}
