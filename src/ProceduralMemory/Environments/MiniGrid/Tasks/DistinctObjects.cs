namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// The object placement GoToObject and PutNear share: objects of a uniformly drawn type and colour, redrawn
/// when that pair is already on the grid, each on a uniformly drawn empty cell. One instance per environment,
/// reused from layout to layout.
/// </summary>
internal sealed class DistinctObjects
{
    private readonly List<(ObjectType Type, ObjectColor Color, CellPosition Cell)> _placed = [];
    private readonly Func<CellPosition, bool> _nearPlaced;

    /// <summary>Creates the placer.</summary>
    public DistinctObjects() => _nearPlaced = NearPlaced;

    /// <summary>
    /// Places <paramref name="count"/> distinct objects of <paramref name="types"/> on empty cells of
    /// <paramref name="grid"/>; with <paramref name="keepApart"/>, none within one cell (diagonals included) of
    /// one placed before it, as PutNear asks. The list returned is valid until the next call.
    /// </summary>
    public IReadOnlyList<(ObjectType Type, ObjectColor Color, CellPosition Cell)> Place(
        CellGrid grid, Rng rng, IReadOnlyList<ObjectType> types, int count, bool keepApart)
    {
        _placed.Clear();
        while (_placed.Count < count)
        {
            ObjectType type = GridPlacement.RandomElement(rng, types);
            ObjectColor color = GridPlacement.RandomColor(rng);
            if (IsPlaced(type, color))
                continue;
            CellPosition cell = GridPlacement.PlaceObject(grid, rng, ObjectNames.Movable(type, color), agent: null, reject: keepApart ? _nearPlaced : null);
            _placed.Add((type, color, cell));
        }
        return _placed;
    }

    private bool IsPlaced(ObjectType type, ObjectColor color)
    {
        foreach (var placed in _placed)
            if (placed.Type == type && placed.Color == color)
                return true;
        return false;
    }

    private bool NearPlaced(CellPosition cell)
    {
        foreach (var placed in _placed)
            if (Math.Abs(placed.Cell.X - cell.X) <= 1 && Math.Abs(placed.Cell.Y - cell.Y) <= 1)
                return true;
        return false;
    }
}
