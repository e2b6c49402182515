namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>A wall: blocks movement and sight. MiniGrid's walls are grey unless a task says otherwise.</summary>
/// <param name="Color">The wall's colour.</param>
public sealed record Wall(ObjectColor Color = ObjectColor.Grey) : WorldObject(ObjectType.Wall, Color)
{
    /// <inheritdoc />
    public override bool SeeBehind => false;
}
