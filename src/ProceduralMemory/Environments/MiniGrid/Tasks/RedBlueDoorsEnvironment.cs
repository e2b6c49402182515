namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's RedBlueDoors task (<c>MiniGrid-RedBlueDoors-{size}x{size}-v0</c>): a room in the middle of a grid
/// twice as wide as high, a red door in its left wall and a blue door in its right; opening the blue door ends
/// the episode, rewarded only if the red door was open just before.
/// </summary>
/// <remarks>
/// <para>Generation follows MiniGrid's <c>RedBlueDoorEnv._gen_grid</c> rule for rule, drawing from our
/// <see cref="Rng"/>: outer walls of the 2 * size x size grid; the size x size room walled from column size / 2;
/// the agent on an empty cell of the room with a uniform direction; then the red door's row and the blue door's
/// row, each in [1, size - 2]. Both doors closed.</para>
/// <para>Rules (MiniGrid's <c>step</c>): after a step in which the blue door is open, the episode ends, with the
/// success reward when the red door was open before the step and none otherwise; after one in which the red
/// door is open and the blue door was open before, it ends with no reward.</para>
/// </remarks>
public sealed class RedBlueDoorsEnvironment : MiniGridEnvironment
{
    /// <summary>MiniGrid's RedBlueDoors mission text.</summary>
    public const string RedBlueDoorsMission = "open the red door then the blue door";

    private static readonly Door RedDoor = new(ObjectColor.Red, DoorState.Closed);
    private static readonly Door BlueDoor = new(ObjectColor.Blue, DoorState.Closed);

    private bool _redOpenBefore, _blueOpenBefore;

    /// <summary>Creates a RedBlueDoors of room side <paramref name="size"/> with MiniGrid's step limit, 20 * size^2.</summary>
    public RedBlueDoorsEnvironment(int size)
        : base($"redbluedoors-{size}x{size}", 2 * ValidSize(size), size, 20 * size * size)
    {
        Size = size;
    }

    /// <summary>The room's side (the grid is twice as wide).</summary>
    public int Size { get; }

    /// <summary>The red door's cell.</summary>
    public CellPosition RedDoorCell { get; private set; }

    /// <summary>The blue door's cell.</summary>
    public CellPosition BlueDoorCell { get; private set; }

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int size = Size, left = size / 2;
        grid.WallRectangle(0, 0, 2 * size, size);
        grid.WallRectangle(left, 0, size, size);
        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng, new CellPosition(left, 0), size, size);
        grid.Set(left, rng.NextInt(1, size - 1), RedDoor);
        grid.Set(left + size - 1, rng.NextInt(1, size - 1), BlueDoor);
        return new EpisodeStart(agent, direction, RedBlueDoorsMission);
    }

    /// <inheritdoc />
    protected override void BeginTask(string mission)
    {
        if (mission != RedBlueDoorsMission)
            throw new ArgumentException($"'{mission}' is not the RedBlueDoors mission.", nameof(mission));
        RedDoorCell = TaskTargets.FindUnique(this, ObjectType.Door, ObjectColor.Red);
        BlueDoorCell = TaskTargets.FindUnique(this, ObjectType.Door, ObjectColor.Blue);
    }

    /// <inheritdoc />
    protected override void BeforeStep(int action) => (_redOpenBefore, _blueOpenBefore) = (IsOpen(RedDoorCell), IsOpen(BlueDoorCell));

    /// <inheritdoc />
    protected override void AfterStep(int action, ref double reward, ref bool terminated)
    {
        if (IsOpen(BlueDoorCell))
        {
            reward = _redOpenBefore ? SuccessReward : 0;
            terminated = true;
        }
        else if (IsOpen(RedDoorCell) && _blueOpenBefore)
        {
            reward = 0;
            terminated = true;
        }
    }

    private bool IsOpen(CellPosition cell) => CellAt(cell.X, cell.Y) is Door { IsOpen: true };

    private static int ValidSize(int size) =>
        size >= 4 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "RedBlueDoors needs a room of at least 4x4.");
}
