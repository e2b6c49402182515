namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>A key: can be picked up; unlocks a door of the same colour.</summary>
/// <param name="Color">The key's colour.</param>
public sealed record Key(ObjectColor Color) : WorldObject(ObjectType.Key, Color)
{
    /// <inheritdoc />
    public override bool CanPickUp => true;
}
