namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>A cell of a MiniGrid grid: x to the right, y downwards, (0, 0) the top-left corner.</summary>
/// <param name="X">The column.</param>
/// <param name="Y">The row.</param>
public readonly record struct CellPosition(int X, int Y)
{
    /// <summary>Formats as MiniGrid's JSON does: <c>[x,y]</c>.</summary>
    public override string ToString() => $"[{X},{Y}]";
}
