namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>A ball: can be picked up; blocks the way while it lies on the floor (ObstructedMaze's blockers).</summary>
/// <param name="Color">The ball's colour.</param>
public sealed record Ball(ObjectColor Color) : WorldObject(ObjectType.Ball, Color)
{
    /// <inheritdoc />
    public override bool CanPickUp => true;
}
