namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's <c>place_obj</c> and <c>place_agent</c>: rejection sampling of a uniformly drawn empty cell in a
/// rectangle, drawing from our <see cref="Rng"/>.
/// </summary>
public static class GridPlacement
{
    /// <summary>
    /// Draws cells of the rectangle at <paramref name="top"/> (default the grid's corner; clamped to the grid) of
    /// <paramref name="size"/> (default the grid's; cut at the grid's edge), x then y, until one is empty, is not
    /// <paramref name="avoid"/> (the agent's cell) and is not rejected by <paramref name="reject"/>; puts
    /// <paramref name="item"/> there (if any) and returns the cell.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rectangle has no empty cell at all.</exception>
    public static CellPosition PlaceObject(CellGrid grid, Rng rng, WorldObject? item, CellPosition? top = null,
        (int Width, int Height)? size = null, CellPosition? avoid = null, Func<CellPosition, bool>? reject = null)
    {
        int left = Math.Max(top?.X ?? 0, 0), upper = Math.Max(top?.Y ?? 0, 0);
        int right = Math.Min(left + (size?.Width ?? grid.Width), grid.Width);
        int lower = Math.Min(upper + (size?.Height ?? grid.Height), grid.Height);
        if (!HasEmptyCell(grid, left, right, upper, lower))
            throw new InvalidOperationException($"No empty cell in [{left}, {right}) x [{upper}, {lower}) to place on.");
        while (true)
        {
            var cell = new CellPosition(rng.NextInt(left, right), rng.NextInt(upper, lower));
            if (grid.Get(cell.X, cell.Y) is not Empty || cell == avoid || (reject?.Invoke(cell) ?? false))
                continue;
            if (item is not null)
                grid.Set(cell.X, cell.Y, item);
            return cell;
        }
    }

    /// <summary>
    /// <c>place_agent</c>: an empty cell of the rectangle (as <see cref="PlaceObject"/>, nothing put there) and a
    /// uniformly drawn direction.
    /// </summary>
    public static (CellPosition Cell, Direction Direction) PlaceAgent(CellGrid grid, Rng rng, CellPosition? top = null, (int Width, int Height)? size = null)
    {
        CellPosition cell = PlaceObject(grid, rng, null, top, size);
        return (cell, (Direction)rng.NextInt(4));
    }

    private static bool HasEmptyCell(CellGrid grid, int left, int right, int upper, int lower)
    {
        for (int x = left; x < right; x++)
            for (int y = upper; y < lower; y++)
                if (grid.Get(x, y) is Empty)
                    return true;
        return false;
    }
}
