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

    // Generation's working space, allocated once so that a reset allocates nothing.
    private readonly River[] _rivers;
    private readonly int[] _columnLimits, _rowLimits;
    private readonly bool[] _path;

    /// <summary>
    /// Creates a <paramref name="size"/> x <paramref name="size"/> crossing with <paramref name="crossings"/>
    /// rivers of lava (<paramref name="lava"/>) or wall, with MiniGrid's step limit, 4 * size^2.
    /// </summary>
    public CrossingEnvironment(int size, int crossings, bool lava)
        : base(NameOf(size, crossings, lava), ValidSize(size), size, 4 * size * size)
    {
        int candidates = 2 * ((size - 3) / 2);
        ArgumentOutOfRangeException.ThrowIfNegative(crossings);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(crossings, candidates);
        _rivers = new River[candidates];
        _columnLimits = new int[candidates / 2 + 2];
        _rowLimits = new int[candidates / 2 + 2];
        _path = new bool[crossings]; // one move per river
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

        // The candidate rivers as MiniGrid lists them: the vertical ones first, then the horizontal ones.
        int perOrientation = _rivers.Length / 2;
        for (int i = 0; i < perOrientation; i++)
        {
            _rivers[i] = new River(Vertical: true, At: 2 + 2 * i);
            _rivers[perOrientation + i] = new River(Vertical: false, At: 2 + 2 * i);
        }
        GridPlacement.Shuffle(rng, _rivers);
        int columnCount = 0, rowCount = 0;
        for (int i = 0; i < Crossings; i++)
        {
            if (_rivers[i].Vertical)
                _columnLimits[1 + columnCount++] = _rivers[i].At;
            else
                _rowLimits[1 + rowCount++] = _rivers[i].At;
        }
        // Limits: 0, the sorted rivers, size - 1 (the outer walls bound the first and last rooms).
        Array.Sort(_columnLimits, 1, columnCount);
        Array.Sort(_rowLimits, 1, rowCount);
        _columnLimits[0] = _rowLimits[0] = 0;
        _columnLimits[columnCount + 1] = _rowLimits[rowCount + 1] = size - 1;

        WorldObject obstacle = IsLava ? Lava.Instance : GreyWall;
        for (int r = 1; r <= rowCount; r++)
            for (int x = 1; x < size - 1; x++)
                grid.Set(x, _rowLimits[r], obstacle);
        for (int c = 1; c <= columnCount; c++)
            for (int y = 1; y < size - 1; y++)
                grid.Set(_columnLimits[c], y, obstacle);

        // The path's moves: true crosses the next column river rightwards, false the next row river downwards.
        _path.AsSpan(0, columnCount).Fill(true);
        _path.AsSpan(columnCount).Fill(false);
        GridPlacement.Shuffle(rng, _path);
        int roomX = 0, roomY = 0;
        foreach (bool rightwards in _path)
        {
            if (rightwards)
            {
                grid.Set(_columnLimits[roomX + 1], rng.NextInt(_rowLimits[roomY] + 1, _rowLimits[roomY + 1]), Empty.Instance);
                roomX++;
            }
            else
            {
                grid.Set(rng.NextInt(_columnLimits[roomX] + 1, _columnLimits[roomX + 1]), _rowLimits[roomY + 1], Empty.Instance);
                roomY++;
            }
        }
        return new EpisodeStart(new CellPosition(1, 1), Direction.Right, IsLava ? LavaMission : WallMission);
    }

    private readonly record struct River(bool Vertical, int At);

    private static int ValidSize(int size) =>
        size >= 5 && size % 2 == 1 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "A crossing needs an odd grid of at least 5x5.");
}
