namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>An empty cell (MiniGrid's <c>None</c>): walkable, transparent, encoded as <c>[1,0,0]</c>.</summary>
public sealed record Empty() : WorldObject(ObjectType.Empty, ObjectColor.Red)
{
    /// <summary>The one empty cell value.</summary>
    public static Empty Instance { get; } = new();

    /// <inheritdoc />
    public override bool CanOverlap => true;
}
