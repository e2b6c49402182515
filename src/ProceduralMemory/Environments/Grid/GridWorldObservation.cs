namespace ProceduralMemory.Environments.Grid;

/// <summary>
/// The seed grid world is fully observed: the agent sees its position and the three facts.
/// Features: <c>[x / (size-1), y / (size-1), has_key, door_open, at_goal]</c>.
/// </summary>
public sealed class GridWorldObservation : Observation
{
    private readonly int _size;

    internal GridWorldObservation(int size) => _size = size;

    /// <summary>The agent's cell.</summary>
    public GridPoint Position { get; internal set; }

    /// <summary>The agent holds the key.</summary>
    public bool HasKey { get; internal set; }

    /// <summary>The door has been opened.</summary>
    public bool DoorOpen { get; internal set; }

    /// <summary>The agent stands on the goal cell.</summary>
    public bool AtGoal { get; internal set; }

    /// <inheritdoc />
    public override Facts Facts => new(
        (HasKey ? 1UL << GridWorld.HasKeyFact : 0)
        | (DoorOpen ? 1UL << GridWorld.DoorOpenFact : 0)
        | (AtGoal ? 1UL << GridWorld.AtGoalFact : 0));

    /// <summary>The length of the feature vector.</summary>
    public const int FeatureLength = 5;

    /// <inheritdoc />
    public override int FeatureCount => FeatureLength;

    /// <inheritdoc />
    public override void WriteFeatures(Span<float> destination)
    {
        float scale = 1f / Math.Max(1, _size - 1);
        destination[0] = Position.X * scale;
        destination[1] = Position.Y * scale;
        destination[2] = HasKey ? 1f : 0f;
        destination[3] = DoorOpen ? 1f : 0f;
        destination[4] = AtGoal ? 1f : 0f;
    }

    /// <inheritdoc />
    public override Observation Clone() => (GridWorldObservation)MemberwiseClone();
}
