namespace ProceduralMemory.Environments.Grid;

/// <summary>Where things are in a <see cref="GridWorld"/>.</summary>
/// <param name="Size">The grid is <c>Size x Size</c>.</param>
/// <param name="Start">The agent's cell after a reset.</param>
/// <param name="Key">The key's cell.</param>
/// <param name="Door">The door's cell (it does not block movement).</param>
/// <param name="Goal">The goal's cell.</param>
/// <param name="Box">An inert box, kept because the seed draws it.</param>
public sealed record GridWorldLayout(int Size, GridPoint Start, GridPoint Key, GridPoint Door, GridPoint Goal, GridPoint Box)
{
    /// <summary>The seed tutorial's 5x5 layout: start (0,0), key (2,2), door (3,3), box (1,3), goal (4,4).</summary>
    public static GridWorldLayout Seed { get; } =
        new(5, Start: new(0, 0), Key: new(2, 2), Door: new(3, 3), Goal: new(4, 4), Box: new(1, 3));

    /// <summary>True when <paramref name="cell"/> lies on the grid.</summary>
    public bool Contains(GridPoint cell) => cell.X >= 0 && cell.Y >= 0 && cell.X < Size && cell.Y < Size;
}
