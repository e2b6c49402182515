namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// A box: can be picked up (and carries what it holds along); toggling it replaces it with its contents, or with
/// an empty cell when it holds nothing (MiniGrid's rule). MiniGrid's encoding does not show the contents.
/// </summary>
/// <param name="Color">The box's colour.</param>
/// <param name="Contains">What the box holds: a key, a ball, or null.</param>
public sealed record Box(ObjectColor Color, WorldObject? Contains = null) : WorldObject(ObjectType.Box, Color)
{
    /// <inheritdoc />
    public override bool CanPickUp => true;

    /// <inheritdoc />
    public override WorldObject Toggle(WorldObject? carrying) => Contains ?? Empty.Instance;
}
