namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's LavaGap task (<c>MiniGrid-LavaGapS{size}-v0</c>): a column of lava crosses the room from top to
/// bottom but for one gap; the agent starts top-left, the goal is bottom-right.
/// </summary>
/// <remarks>
/// Follows MiniGrid's <c>LavaGapEnv._gen_grid</c>: outer walls, the agent at (1, 1) facing right, the goal at
/// (size-2, size-2), the lava column at a uniformly drawn x in [2, size-3] and its gap at a uniformly drawn
/// y in [1, size-2], both from our <see cref="Rng"/>. Step limit 4 * size^2.
/// </remarks>
public sealed class LavaGapEnvironment : MiniGridEnvironment
{
    /// <summary>The sizes registered as <c>lavagap-s{size}</c>.</summary>
    public static IReadOnlyList<int> RegisteredSizes { get; } = [5, 7];

    /// <summary>MiniGrid's mission text for lava obstacles.</summary>
    public const string LavaMission = "avoid the lava and get to the green goal square";

    private static readonly Goal GoalObject = new();

    /// <summary>Creates a <paramref name="size"/> x <paramref name="size"/> LavaGap with MiniGrid's step limit, 4 * size^2.</summary>
    public LavaGapEnvironment(int size)
        : base(NameOf(size), ValidSize(size), size, 4 * size * size)
    {
        Size = size;
    }

    /// <summary>The side of the grid.</summary>
    public int Size { get; }

    /// <summary>The registered name of the <paramref name="size"/> x <paramref name="size"/> LavaGap.</summary>
    public static string NameOf(int size) => $"lavagap-s{size}";

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int size = Size;
        grid.WallRectangle(0, 0, size, size);
        grid.Set(size - 2, size - 2, GoalObject);
        int gapX = rng.NextInt(2, size - 2), gapY = rng.NextInt(1, size - 1);
        for (int y = 1; y < size - 1; y++)
            grid.Set(gapX, y, y == gapY ? Empty.Instance : Lava.Instance);
        return new EpisodeStart(new CellPosition(1, 1), Direction.Right, LavaMission);
    }

    private static int ValidSize(int size) =>
        size >= 5 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "LavaGap needs a grid of at least 5x5.");
}
