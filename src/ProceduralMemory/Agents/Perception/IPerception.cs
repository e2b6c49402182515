using ProceduralMemory.Environments;

namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// What an agent knows of the world within one episode: the latest observation, the facts it believes hold,
/// features that may combine the observation with what it remembers of earlier ones, and an opaque key for the
/// state it is in. The only inputs a learning agent may use (never the simulator's hidden state). One instance
/// lives for one agent and is reset at the start of each episode.
/// </summary>
public interface IPerception
{
    /// <summary>The length of <see cref="WriteFeatures"/>'s output.</summary>
    int FeatureCount { get; }

    /// <summary>The latest observation.</summary>
    Observation Observation { get; }

    /// <summary>
    /// The facts the agent believes hold, in the environment's schema: the observation's own facts, or facts the
    /// perception keeps from earlier observations (a door's state from when it was last seen).
    /// </summary>
    Facts Facts { get; }

    /// <summary>The key of the current state with the current <see cref="Facts"/>: <c>StateKeyWith(Facts.Bits)</c>.</summary>
    long StateKey => StateKeyWith(Facts.Bits);

    /// <summary>
    /// An opaque key of the current state with <paramref name="facts"/> in place of the believed ones: equal keys
    /// mean the agent cannot tell the states apart. Used to cut loops out of demonstrations and to count visits;
    /// nothing outside the perception reads anything into its value.
    /// </summary>
    long StateKeyWith(ulong facts);

    /// <summary>Forgets everything and starts a new episode at <paramref name="first"/>.</summary>
    void Reset(Observation first);

    /// <summary>Takes in the observation that followed <paramref name="action"/>.</summary>
    void Observe(int action, Observation next);

    /// <summary>Writes the current features into <paramref name="destination"/>.</summary>
    void WriteFeatures(Span<float> destination);
}
