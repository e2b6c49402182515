namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's Empty task (<c>MiniGrid-Empty-{size}x{size}-v0</c> and <c>MiniGrid-Empty-Random-{size}x{size}-v0</c>):
/// a walled room with the goal in the bottom-right corner.
/// </summary>
/// <remarks>
/// Follows MiniGrid's <c>EmptyEnv._gen_grid</c>: outer walls, the goal at (size-2, size-2), and the agent at
/// (1, 1) facing right, or, in the random variant, on a uniformly drawn empty cell (<c>place_agent</c>) with a
/// uniform direction. The fixed variant's layout is the same for every seed. Step limit 4 * size^2; walls do
/// not hide what is behind them (MiniGrid's <c>see_through_walls=True</c>).
/// </remarks>
public sealed class EmptyRoomEnvironment : MiniGridEnvironment
{
    /// <summary>MiniGrid's Empty mission text.</summary>
    public const string EmptyMission = "get to the green goal square";

    private static readonly Goal GoalObject = new();

    /// <summary>Creates a <paramref name="size"/> x <paramref name="size"/> Empty room; <paramref name="randomStart"/> places the agent at random.</summary>
    public EmptyRoomEnvironment(int size, bool randomStart)
        : base(NameOf(size, randomStart), ValidSize(size), size, 4 * size * size, seeThroughWalls: true)
    {
        Size = size;
        RandomStart = randomStart;
    }

    /// <summary>The side of the grid.</summary>
    public int Size { get; }

    /// <summary>True when the agent starts on a random cell facing a random way, false for (1, 1) facing right.</summary>
    public bool RandomStart { get; }

    /// <summary>The registered name: <c>empty-{size}x{size}</c> or <c>empty-random-{size}x{size}</c>.</summary>
    public static string NameOf(int size, bool randomStart) =>
        randomStart ? $"empty-random-{size}x{size}" : $"empty-{size}x{size}";

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        grid.WallRectangle(0, 0, Size, Size);
        grid.Set(Size - 2, Size - 2, GoalObject);
        var (agent, direction) = RandomStart
            ? GridPlacement.PlaceAgent(grid, rng)
            : new AgentPlacement(new CellPosition(1, 1), Direction.Right);
        return new EpisodeStart(agent, direction, EmptyMission);
    }

    private static int ValidSize(int size) =>
        size >= 3 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "An Empty room needs a grid of at least 3x3.");
}
