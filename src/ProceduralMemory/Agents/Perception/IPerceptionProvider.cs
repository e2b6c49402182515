namespace ProceduralMemory.Agents.Perception;

/// <summary>
/// Makes the perceptions agents use in one kind of environment. An environment that knows more about its own
/// observations than their features and facts (a partial view worth remembering, a pose worth tracking)
/// implements this; any other gets <see cref="ObservationPerception"/>.
/// </summary>
public interface IPerceptionProvider
{
    /// <summary>A new perception, for one agent.</summary>
    IPerception CreatePerception();
}
