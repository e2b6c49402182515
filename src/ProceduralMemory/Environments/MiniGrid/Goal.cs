namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>The goal: walkable; walking onto it ends the episode with a reward.</summary>
/// <param name="Color">The goal's colour (green in MiniGrid).</param>
public sealed record Goal(ObjectColor Color = ObjectColor.Green) : WorldObject(ObjectType.Goal, Color)
{
    /// <inheritdoc />
    public override bool CanOverlap => true;
}
