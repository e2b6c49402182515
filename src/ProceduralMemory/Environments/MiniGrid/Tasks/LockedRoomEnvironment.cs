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

    private const int LeftWall = Size / 2 - 2, RightWall = Size / 2 + 2, RoomWidth = LeftWall + 1, RoomHeight = Size / 3 + 1;

    private static readonly Goal GoalObject = new();

    private static readonly MissionTable<(ObjectColor Locked, ObjectColor KeyRoom)> Missions = new("LockedRoom",
        from locked in GridPlacement.ColorNames from keyRoom in GridPlacement.ColorNames where locked != keyRoom select (locked, keyRoom),
        m => $"get the {ObjectNames.Of(m.Locked)} key from the {ObjectNames.Of(m.KeyRoom)} room, unlock the {ObjectNames.Of(m.Locked)} door and go to the goal");

    // The six rooms, left then right in each of three bands: the top-left wall cell, and the door, on the
    // corridor wall 3 below the room's top.
    private static readonly (CellPosition Top, CellPosition Door)[] Rooms =
    [
        .. Enumerable.Range(0, 3).Select(band => band * (Size / 3)).SelectMany(top => new[]
        {
            (new CellPosition(0, top), new CellPosition(LeftWall, top + 3)),
            (new CellPosition(RightWall, top), new CellPosition(RightWall, top + 3)),
        }),
    ];

    private readonly List<ObjectColor> _colorsLeft = new(GridPlacement.ColorNames.Count);
    private readonly ObjectColor[] _roomColors = new ObjectColor[Rooms.Length];

    /// <summary>Creates MiniGrid's LockedRoom with its step limit, 10 * size.</summary>
    public LockedRoomEnvironment()
        : base("lockedroom", Size, Size, 10 * Size)
    {
    }

    /// <summary>MiniGrid's mission for the key of <paramref name="lockedColor"/> in the room of <paramref name="keyRoomColor"/>.</summary>
    public static string MissionFor(ObjectColor lockedColor, ObjectColor keyRoomColor) => Missions.TextOf((lockedColor, keyRoomColor));

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        grid.WallRectangle(0, 0, Size, Size);
        grid.VerticalWall(LeftWall, 0, Size);
        grid.VerticalWall(RightWall, 0, Size);
        foreach (var (top, _) in Rooms)
            grid.HorizontalWall(top.X, top.Y, top.X == 0 ? LeftWall : Size - RightWall);

        int locked = rng.NextInt(Rooms.Length);
        CellPosition goal = InsideRoom(rng, Rooms[locked].Top);
        grid.Set(goal.X, goal.Y, GoalObject);

        _colorsLeft.Clear();
        _colorsLeft.AddRange(GridPlacement.ColorNames);
        for (int i = 0; i < Rooms.Length; i++)
        {
            _roomColors[i] = GridPlacement.RandomElement(rng, _colorsLeft);
            _colorsLeft.Remove(_roomColors[i]);
            var state = i == locked ? DoorState.Locked : DoorState.Closed;
            grid.Set(Rooms[i].Door.X, Rooms[i].Door.Y, ObjectNames.DoorOf(_roomColors[i], state));
        }

        int keyRoom;
        do
            keyRoom = rng.NextInt(Rooms.Length);
        while (keyRoom == locked);
        CellPosition key = InsideRoom(rng, Rooms[keyRoom].Top);
        grid.Set(key.X, key.Y, ObjectNames.Movable(ObjectType.Key, _roomColors[locked]));

        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng, new CellPosition(LeftWall, 0), RightWall - LeftWall, Size);
        return new EpisodeStart(agent, direction, MissionFor(_roomColors[locked], _roomColors[keyRoom]));
    }

    // LockedRoom.rand_pos: a cell strictly inside the room's walls, drawn uniformly.
    private static CellPosition InsideRoom(Rng rng, CellPosition top) =>
        new(rng.NextInt(top.X + 1, top.X + RoomWidth - 1), rng.NextInt(top.Y + 1, top.Y + RoomHeight - 1));
}
