namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's MultiRoom task (<c>MiniGrid-MultiRoom-*</c>): a chain of walled rooms on a 25x25 grid, each joined
/// to the next by a closed door, the agent in the first room and the goal in the last.
/// </summary>
/// <remarks>
/// Generation follows MiniGrid's <c>MultiRoomEnv._gen_grid</c> and <c>_placeRoom</c> rule for rule, drawing from
/// our <see cref="Rng"/>: the number of rooms is drawn in [min, max]; attempts start from a random first corner
/// and grow a chain room by room (each room's sides drawn in [4, max size], placed against the previous room's
/// exit door, rejected if it leaves the grid or overlaps an earlier room, with up to 8 exit walls tried per
/// room), until an attempt holds the wanted number of rooms, keeping the longest so far. Doors are closed and
/// each differs in colour from the one before it. The reward is MiniGrid's: reaching the goal.
/// </remarks>
public sealed class MultiRoomEnvironment : MiniGridEnvironment
{
    /// <summary>MiniGrid's MultiRoom mission text.</summary>
    public const string MultiRoomMission = "traverse the rooms to get to the goal";

    /// <summary>The side of MiniGrid's MultiRoom grid.</summary>
    public const int GridSize = 25;

    private const int MinRoomSize = 4;

    private static readonly Goal GoalObject = new();

    // The longest chain so far and the attempt being grown, reused from layout to layout.
    private List<ChainRoom> _rooms = [], _attempt = [];

    /// <summary>
    /// Creates a MultiRoom of <paramref name="minRooms"/> to <paramref name="maxRooms"/> rooms of sides up to
    /// <paramref name="maxRoomSize"/>, with MiniGrid's step limit, 20 per room of the maximum.
    /// </summary>
    public MultiRoomEnvironment(string name, int minRooms, int maxRooms, int maxRoomSize = 10)
        : base(name, GridSize, GridSize, 20 * ValidRooms(minRooms, maxRooms))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRoomSize, MinRoomSize);
        MinRooms = minRooms;
        MaxRooms = maxRooms;
        MaxRoomSize = maxRoomSize;
    }

    /// <summary>The fewest rooms a layout has.</summary>
    public int MinRooms { get; }

    /// <summary>The most rooms a layout has.</summary>
    public int MaxRooms { get; }

    /// <summary>The longest side of a room, walls included.</summary>
    public int MaxRoomSize { get; }

    /// <inheritdoc />
    protected override EpisodeStart Generate(CellGrid grid, Rng rng)
    {
        int roomCount = rng.NextInt(MinRooms, MaxRooms + 1);
        _rooms.Clear();
        while (_rooms.Count < roomCount)
        {
            _attempt.Clear();
            // MiniGrid draws both coordinates of the first corner below width - 2 (the grid is square).
            var corner = new CellPosition(rng.NextInt(0, grid.Width - 2), rng.NextInt(0, grid.Width - 2));
            PlaceRoom(grid, rng, roomCount, _attempt, entryWall: 2, corner);
            if (_attempt.Count > _rooms.Count)
                (_rooms, _attempt) = (_attempt, _rooms);
        }
        List<ChainRoom> rooms = _rooms;

        ObjectColor? previousColor = null;
        for (int i = 0; i < rooms.Count; i++)
        {
            ChainRoom room = rooms[i];
            grid.WallRectangle(room.Top.X, room.Top.Y, room.Width, room.Height);
            if (i == 0)
                continue;
            ObjectColor color = previousColor is ObjectColor previous ? ColorOtherThan(rng, previous) : GridPlacement.RandomColor(rng);
            grid.Set(room.EntryDoor.X, room.EntryDoor.Y, ObjectNames.DoorOf(color, DoorState.Closed));
            previousColor = color;
        }

        ChainRoom first = rooms[0], last = rooms[^1];
        var (agent, direction) = GridPlacement.PlaceAgent(grid, rng, first.Top, first.Width, first.Height);
        GridPlacement.PlaceObject(grid, rng, GoalObject, agent, last.Top, last.Width, last.Height);
        return new EpisodeStart(agent, direction, MultiRoomMission);
    }

    // _placeRoom: adds a room entered through entry (on the room's wall entryWall: 0 right, 1 bottom, 2 left,
    // 3 top) unless it leaves the grid or overlaps a room before the last; then, while rooms remain, tries up to
    // 8 exits on the other walls. False only when this room itself could not be placed.
    private bool PlaceRoom(CellGrid grid, Rng rng, int roomsLeft, List<ChainRoom> rooms, int entryWall, CellPosition entry)
    {
        int sizeX = rng.NextInt(MinRoomSize, MaxRoomSize + 1);
        int sizeY = rng.NextInt(MinRoomSize, MaxRoomSize + 1);
        int topX, topY;
        if (rooms.Count == 0)
            (topX, topY) = (entry.X, entry.Y);
        else
            (topX, topY) = entryWall switch
            {
                0 => (entry.X - sizeX + 1, rng.NextInt(entry.Y - sizeY + 2, entry.Y)),
                1 => (rng.NextInt(entry.X - sizeX + 2, entry.X), entry.Y - sizeY + 1),
                2 => (entry.X, rng.NextInt(entry.Y - sizeY + 2, entry.Y)),
                _ => (rng.NextInt(entry.X - sizeX + 2, entry.X), entry.Y),
            };

        if (topX < 0 || topY < 0)
            return false;
        // MiniGrid's bound is strict at the bottom edge only.
        if (topX + sizeX > grid.Width || topY + sizeY >= grid.Height)
            return false;
        for (int i = 0; i < rooms.Count - 1; i++)
        {
            ChainRoom room = rooms[i];
            bool apart = topX + sizeX < room.Top.X || room.Top.X + room.Width <= topX
                || topY + sizeY < room.Top.Y || room.Top.Y + room.Height <= topY;
            if (!apart)
                return false;
        }

        rooms.Add(new ChainRoom(new CellPosition(topX, topY), sizeX, sizeY, entry));
        if (roomsLeft == 1)
            return true;

        for (int attempt = 0; attempt < 8; attempt++)
        {
            // The exit wall: one of the three walls other than the entry's, in ascending order.
            int exitWall = rng.NextInt(3);
            if (exitWall >= entryWall)
                exitWall++;
            CellPosition exit = exitWall switch
            {
                0 => new(topX + sizeX - 1, topY + rng.NextInt(1, sizeY - 1)),
                1 => new(topX + rng.NextInt(1, sizeX - 1), topY + sizeY - 1),
                2 => new(topX, topY + rng.NextInt(1, sizeY - 1)),
                _ => new(topX + rng.NextInt(1, sizeX - 1), topY),
            };
            if (PlaceRoom(grid, rng, roomsLeft - 1, rooms, (exitWall + 2) % 4, exit))
                break;
        }
        return true;
    }

    // _rand_elem over the colours (in COLOR_NAMES order) without the one excluded.
    private static ObjectColor ColorOtherThan(Rng rng, ObjectColor excluded)
    {
        IReadOnlyList<ObjectColor> colors = GridPlacement.ColorNames;
        int index = rng.NextInt(colors.Count - 1);
        int skipped = 0;
        while (colors[skipped] != excluded)
            skipped++;
        return colors[index >= skipped ? index + 1 : index];
    }

    private static int ValidRooms(int minRooms, int maxRooms)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minRooms);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRooms, minRooms);
        return maxRooms;
    }
}
