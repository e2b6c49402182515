namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's LockedRoom task (<c>MiniGrid-LockedRoom-v0</c>): a 19x19 grid with a corridor down the middle and
/// three rooms on each side, each with a door of its own colour onto the corridor; one room is locked and holds
/// the goal, and its key lies in another room, which the mission names.
/// </summary>
/// <remarks>
/// Generation follows MiniGrid's <c>LockedRoomEnv._gen_grid</c> rule for rule, drawing from our <see cref="Rng"/>:
/// the locked room is drawn uniformly from the six; the goal on a random cell inside it (no emptiness check, as
/// in MiniGrid); each room's colour drawn from those left, so the six differ; doors closed, the locked room's
/// locked; the key room drawn until it differs from the locked room; the key of the locked room's colour on a
/// random cell inside the key room; the agent on an empty cell of the corridor with a uniform direction. The
/// reward is MiniGrid's: reaching the goal.
/// </remarks>
public sealed class LockedRoomEnvironment : MiniGridEnvironment
{
    /// <summary>The side of MiniGrid's LockedRoom grid.</summary>
    public const int Size = 19;

    private static readonly Goal GoalObject = new();

    /// <summary>Creates MiniGrid's LockedRoom with its step limit, 10 * size.</summary>
    public LockedRoomEnvironment()
        : base("lockedroom", Size, Size, 10 * Size)
    {
    }

    /// <summary>MiniGrid's mission for the key of <paramref name="lockedColor"/> in the room of <paramref name="keyRoomColor"/>.</summary>
    public static string MissionFor(ObjectColor lockedColor, ObjectColor keyRoomColor) =>
        $"get the {ObjectNames.Of(lockedColor)} key from the {ObjectNames.Of(keyRoomColor)} room, unlock the {ObjectNames.Of(lockedColor)} door and go to the goal";

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int width = grid.Width, height = grid.Height;
        grid.WallRectangle(0, 0, width, height);
        int leftWall = width / 2 - 2, rightWall = width / 2 + 2;
        grid.VerticalWall(leftWall, 0, height);
        grid.VerticalWall(rightWall, 0, height);

        // Rooms, left then right in each of three bands; a room's door is on the corridor wall, 3 below its top.
        int roomWidth = leftWall + 1, roomHeight = height / 3 + 1;
        var rooms = new List<(CellPosition Top, CellPosition Door)>();
        for (int band = 0; band < 3; band++)
        {
            int top = band * (height / 3);
            grid.HorizontalWall(0, top, leftWall);
            grid.HorizontalWall(rightWall, top, width - rightWall);
            rooms.Add((new CellPosition(0, top), new CellPosition(leftWall, top + 3)));
            rooms.Add((new CellPosition(rightWall, top), new CellPosition(rightWall, top + 3)));
        }

        int locked = rng.NextInt(rooms.Count);
        CellPosition goal = InsideRoom(rng, rooms[locked].Top, roomWidth, roomHeight);
        grid.Set(goal.X, goal.Y, GoalObject);

        var colorsLeft = new List<ObjectColor>(GridPlacement.ColorNames);
        var roomColors = new ObjectColor[rooms.Count];
        for (int i = 0; i < rooms.Count; i++)
        {
            roomColors[i] = GridPlacement.RandomElement(rng, colorsLeft);
            colorsLeft.Remove(roomColors[i]);
            var state = i == locked ? DoorState.Locked : DoorState.Closed;
            grid.Set(rooms[i].Door.X, rooms[i].Door.Y, new Door(roomColors[i], state));
        }

        int keyRoom;
        do
            keyRoom = rng.NextInt(rooms.Count);
        while (keyRoom == locked);
        CellPosition key = InsideRoom(rng, rooms[keyRoom].Top, roomWidth, roomHeight);
        grid.Set(key.X, key.Y, new Key(roomColors[locked]));

        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng, new CellPosition(leftWall, 0), rightWall - leftWall, height);
        return new EpisodeStart(agent, direction, MissionFor(roomColors[locked], roomColors[keyRoom]));
    }

    // LockedRoom.rand_pos: a cell strictly inside the room's walls, drawn uniformly.
    private static CellPosition InsideRoom(Rng rng, CellPosition top, int width, int height) =>
        new(rng.NextInt(top.X + 1, top.X + width - 1), rng.NextInt(top.Y + 1, top.Y + height - 1));
}
