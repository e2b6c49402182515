namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// MiniGrid's DoorKey task (<c>MiniGrid-DoorKey-{size}x{size}-v0</c>): a wall splits the room, a locked yellow
/// door is in the wall, the yellow key and the agent are on the left, the goal in the bottom-right corner.
/// </summary>
/// <remarks>
/// Generation follows MiniGrid's <c>DoorKeyEnv._gen_grid</c> rule for rule, drawing from our <see cref="Rng"/>:
/// outer walls; the goal at (size-2, size-2); the wall column in [2, size-3]; the agent on a uniformly drawn
/// empty cell left of the wall (rejection sampling as <c>place_obj</c> does) with a uniform direction; the door
/// row in [1, size-3]; the key on a uniformly drawn empty cell left of the wall other than the agent's. The same
/// seed gives the same layout here, but not the layout NumPy gives MiniGrid for that seed.
/// </remarks>
public sealed class DoorKeyEnvironment : MiniGridEnvironment
{
    /// <summary>The grid sizes registered as <c>doorkey-{size}x{size}</c>.</summary>
    public static IReadOnlyList<int> RegisteredSizes { get; } = [5, 6, 8, 16];

    /// <summary>MiniGrid's DoorKey mission text.</summary>
    public const string DoorKeyMission = "use the key to open the door and then get to the goal";

    private static readonly Goal GoalObject = new();
    private static readonly Door LockedDoor = new(ObjectColor.Yellow, DoorState.Locked);
    private static readonly Key YellowKey = new(ObjectColor.Yellow);

    /// <summary>Creates a <paramref name="size"/> x <paramref name="size"/> DoorKey with MiniGrid's step limit, 10 * size^2.</summary>
    public DoorKeyEnvironment(int size)
        : base(NameOf(size), ValidSize(size), size, 10 * size * size)
    {
        Size = size;
    }

    /// <summary>The side of the grid.</summary>
    public int Size { get; }

    /// <summary>The registered name of the <paramref name="size"/> x <paramref name="size"/> DoorKey.</summary>
    public static string NameOf(int size) => $"doorkey-{size}x{size}";

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int size = Size;
        grid.WallRectangle(0, 0, size, size);
        grid.Set(size - 2, size - 2, GoalObject);
        int wallX = rng.NextInt(2, size - 2);
        grid.VerticalWall(wallX, 0, size);
        var origin = new CellPosition(0, 0);
        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng, origin, wallX, size);
        int doorY = rng.NextInt(1, size - 2);
        grid.Set(wallX, doorY, LockedDoor);
        GridPlacement.PlaceObject(grid, rng, YellowKey, agent, origin, wallX, size);
        return new EpisodeStart(agent, direction, DoorKeyMission);
    }

    private static int ValidSize(int size) =>
        size >= 5 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "DoorKey needs a grid of at least 5x5.");
}
