namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// The object placement GoToObject and PutNear share: objects of a uniformly drawn type and colour, redrawn
/// when that pair is already on the grid, each on a uniformly drawn empty cell.
/// </summary>
internal static class DistinctObjects
{
    /// <summary>
    /// Places <paramref name="count"/> distinct objects of <paramref name="types"/> on empty cells of
    /// <paramref name="grid"/>; with <paramref name="keepApart"/>, none within one cell (diagonals included) of
    /// one placed before it, as PutNear asks.
    /// </summary>
    public static IReadOnlyList<(ObjectType Type, ObjectColor Color, CellPosition Cell)> Place(
        CellGrid grid, Rng rng, IReadOnlyList<ObjectType> types, int count, bool keepApart)
    {
        var placed = new List<(ObjectType Type, ObjectColor Color, CellPosition Cell)>();
        Func<CellPosition, bool>? nearPlaced = keepApart
            ? cell => placed.Exists(p => Math.Abs(p.Cell.X - cell.X) <= 1 && Math.Abs(p.Cell.Y - cell.Y) <= 1)
            : null;
        while (placed.Count < count)
        {
            ObjectType type = GridPlacement.RandomElement(rng, types);
            ObjectColor color = GridPlacement.RandomColor(rng);
            if (placed.Exists(p => p.Type == type && p.Color == color))
                continue;
            CellPosition cell = GridPlacement.PlaceObject(grid, rng, ObjectNames.Create(type, color), agent: null, reject: nearPlaced);
            placed.Add((type, color, cell));
        }
        return placed;
    }
}
