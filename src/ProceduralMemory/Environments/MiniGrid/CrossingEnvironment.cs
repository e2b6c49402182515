namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's crossing tasks: LavaCrossing (<c>MiniGrid-LavaCrossingS{size}N{n}-v0</c>) and SimpleCrossing
/// (<c>MiniGrid-SimpleCrossingS{size}N{n}-v0</c>). Rivers of lava or wall run across the room, each one whole
/// row or column at an even index; one opening per river on a single path lets the agent, starting top-left,
/// reach the goal bottom-right.
/// </summary>
/// <remarks>
/// Follows MiniGrid's <c>CrossingEnv._gen_grid</c>, drawing from our <see cref="Rng"/> in its order: the
/// candidate rivers (vertical at x = 2, 4, ..., size-3, then horizontal at y = 2, 4, ..., size-3) are shuffled
/// and the first <see cref="Crossings"/> kept; the rivers are drawn; then the path's moves (one rightwards
/// through each vertical river, one downwards through each horizontal river) are shuffled, and, walking the path
/// from the top-left room, each move opens its river at a uniformly drawn cell bordering the current room.
/// Step limit 4 * size^2.
/// </remarks>
public sealed class CrossingEnvironment : MiniGridEnvironment
{
    /// <summary>MiniGrid's mission text for lava rivers.</summary>
    public const string LavaMission = "avoid the lava and get to the green goal square";

    /// <summary>MiniGrid's mission text for wall rivers.</summary>
    public const string WallMission = "find the opening and get to the green goal square";

    private static readonly Goal GoalObject = new();
    private static readonly Wall GreyWall = new();

    /// <summary>
    /// Creates a <paramref name="size"/> x <paramref name="size"/> crossing with <paramref name="crossings"/>
    /// rivers of lava (<paramref name="lava"/>) or wall, with MiniGrid's step limit, 4 * size^2.
    /// </summary>
    public CrossingEnvironment(int size, int crossings, bool lava)
        : base(NameOf(size, crossings, lava), ValidSize(size), size, 4 * size * size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(crossings);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(crossings, 2 * ((size - 3) / 2));
        Size = size;
        Crossings = crossings;
        IsLava = lava;
    }

    /// <summary>The side of the grid (odd).</summary>
    public int Size { get; }

    /// <summary>How many rivers cross the room.</summary>
    public int Crossings { get; }

    /// <summary>True for rivers of lava (LavaCrossing), false for walls (SimpleCrossing).</summary>
    public bool IsLava { get; }

    /// <summary>The registered name: <c>lavacrossing-s{size}n{crossings}</c> or <c>simplecrossing-s{size}n{crossings}</c>.</summary>
    public static string NameOf(int size, int crossings, bool lava) =>
        $"{(lava ? "lavacrossing" : "simplecrossing")}-s{size}n{crossings}";

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int size = Size;
        grid.WallRectangle(0, 0, size, size);
        grid.Set(size - 2, size - 2, GoalObject);

        // A river is (vertical, index); MiniGrid lists the vertical ones first, then the horizontal ones.
        var rivers = new List<(bool Vertical, int At)>();
        for (int x = 2; x < size - 2; x += 2)
            rivers.Add((true, x));
        for (int y = 2; y < size - 2; y += 2)
            rivers.Add((false, y));
        GridPlacement.Shuffle(rng, rivers);
        var chosen = rivers.Take(Crossings).ToList();
        List<int> columns = chosen.Where(r => r.Vertical).Select(r => r.At).Order().ToList();
        List<int> rows = chosen.Where(r => !r.Vertical).Select(r => r.At).Order().ToList();

        WorldObject obstacle = IsLava ? Lava.Instance : GreyWall;
        foreach (int y in rows)
            for (int x = 1; x < size - 1; x++)
                grid.Set(x, y, obstacle);
        foreach (int x in columns)
            for (int y = 1; y < size - 1; y++)
                grid.Set(x, y, obstacle);

        // true: a move rightwards through the next column river; false: downwards through the next row river.
        var path = Enumerable.Repeat(true, columns.Count).Concat(Enumerable.Repeat(false, rows.Count)).ToList();
        GridPlacement.Shuffle(rng, path);
        List<int> xLimits = [0, .. columns, size - 1];
        List<int> yLimits = [0, .. rows, size - 1];
        int roomX = 0, roomY = 0;
        foreach (bool rightwards in path)
        {
            if (rightwards)
            {
                grid.Set(xLimits[roomX + 1], rng.NextInt(yLimits[roomY] + 1, yLimits[roomY + 1]), Empty.Instance);
                roomX++;
            }
            else
            {
                grid.Set(rng.NextInt(xLimits[roomX] + 1, xLimits[roomX + 1]), yLimits[roomY + 1], Empty.Instance);
                roomY++;
            }
        }
        return new EpisodeStart(new CellPosition(1, 1), Direction.Right, IsLava ? LavaMission : WallMission);
    }

    private static int ValidSize(int size) =>
        size >= 5 && size % 2 == 1 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "A crossing needs an odd grid of at least 5x5.");
}
