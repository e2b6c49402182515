namespace ProceduralMemory.Environments.MiniGrid.Rooms;

/// <summary>
/// Builds a layout of square rooms in rows and columns, MiniGrid's <c>RoomGrid</c>: every room walled, one
/// candidate door cell drawn per shared wall, then doors, openings, objects and the agent added room by room.
/// Every draw comes from the <see cref="Rng"/> it is given, in the order MiniGrid's generator makes them.
/// </summary>
/// <remarks>
/// <para>Rooms are <c>roomSize</c> cells across, walls included; neighbours share a wall, so the grid is
/// <c>(roomSize - 1) * columns + 1</c> cells wide and <c>(roomSize - 1) * rows + 1</c> high. Room (i, j) is in
/// column i, row j.</para>
/// <para>Until <see cref="PlaceAgent"/> runs, the agent stands in the middle of the middle room, and objects are
/// kept off that cell and its four neighbours, as in MiniGrid (its <c>reject_next_to</c> sees that position).</para>
/// </remarks>
public sealed class RoomGrid
{
    /// <summary>The kinds of object <see cref="AddObject"/> draws from, in MiniGrid's order.</summary>
    public static IReadOnlyList<ObjectType> ObjectKinds { get; } = [ObjectType.Key, ObjectType.Ball, ObjectType.Box];

    // MiniGrid's place_in_room and place_agent give up after this many rejected cells.
    private const int MaxPlacementTries = 1000;

    private readonly CellGrid _grid;
    private readonly Rng _rng;
    private readonly Room[,] _rooms;

    /// <summary>The grid size that <paramref name="rows"/> x <paramref name="columns"/> rooms of <paramref name="roomSize"/> need.</summary>
    public static (int Width, int Height) GridSize(int roomSize, int rows, int columns) =>
        ((roomSize - 1) * columns + 1, (roomSize - 1) * rows + 1);

    /// <summary>
    /// Walls every room of <paramref name="rows"/> x <paramref name="columns"/> rooms of <paramref name="roomSize"/>
    /// into the (cleared) <paramref name="grid"/> and draws each shared wall's door cell from <paramref name="rng"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The grid's size does not fit the rooms, or a room is smaller than 3 cells.</exception>
    public RoomGrid(CellGrid grid, Rng rng, int roomSize, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(roomSize, 3);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if ((grid.Width, grid.Height) != GridSize(roomSize, rows, columns))
            throw new ArgumentException($"{rows}x{columns} rooms of size {roomSize} need a {GridSize(roomSize, rows, columns)} grid, not {grid.Width}x{grid.Height}.", nameof(grid));
        _grid = grid;
        _rng = rng;
        RoomSize = roomSize;
        Rows = rows;
        Columns = columns;
        _rooms = new Room[columns, rows];
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < columns; i++)
            {
                var room = new Room(i, j, new CellPosition(i * (roomSize - 1), j * (roomSize - 1)), roomSize);
                _rooms[i, j] = room;
                grid.WallRectangle(room.Top.X, room.Top.Y, roomSize, roomSize);
            }
        LinkNeighbors();
        AgentPosition = new CellPosition(columns / 2 * (roomSize - 1) + roomSize / 2, rows / 2 * (roomSize - 1) + roomSize / 2);
        AgentDirection = Direction.Right;
    }

    /// <summary>The side of every room, walls included.</summary>
    public int RoomSize { get; }

    /// <summary>The number of rows of rooms.</summary>
    public int Rows { get; }

    /// <summary>The number of columns of rooms.</summary>
    public int Columns { get; }

    /// <summary>The grid being built.</summary>
    public CellGrid Grid => _grid;

    /// <summary>The generator every draw comes from.</summary>
    public Rng Rng => _rng;

    /// <summary>Where the agent stands (the middle of the middle room until <see cref="PlaceAgent"/>).</summary>
    public CellPosition AgentPosition { get; private set; }

    /// <summary>Which way the agent faces.</summary>
    public Direction AgentDirection { get; private set; }

    /// <summary>The room in column <paramref name="column"/>, row <paramref name="row"/> (MiniGrid's <c>get_room(i, j)</c>).</summary>
    public Room RoomAt(int column, int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Columns, nameof(column));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Rows, nameof(row));
        return _rooms[column, row];
    }

    /// <summary>The room that cell (<paramref name="x"/>, <paramref name="y"/>) belongs to (MiniGrid's <c>room_from_pos</c>: a shared wall belongs to the room right of or below it).</summary>
    public Room RoomFromPosition(int x, int y)
    {
        if (!_grid.Contains(x, y))
            throw new ArgumentOutOfRangeException(nameof(x), $"({x}, {y}) is outside the {_grid.Width}x{_grid.Height} grid.");
        return RoomAt(Math.Min(x / (RoomSize - 1), Columns - 1), Math.Min(y / (RoomSize - 1), Rows - 1));
    }

    /// <summary>
    /// Puts <paramref name="obj"/> on an empty cell of room (<paramref name="column"/>, <paramref name="row"/>),
    /// neither on the agent nor next to it, and records it as the room's (MiniGrid's <c>place_in_room</c>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No such cell was found in 1000 draws.</exception>
    public CellPosition PlaceInRoom(int column, int row, WorldObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Room room = RoomAt(column, row);
        CellPosition position = GridPlacement.PlaceObject(
            _grid, _rng, obj, AgentPosition, room.Top, room.Size, room.Size, IsNextToAgent, MaxPlacementTries);
        room.Add(obj);
        return position;
    }

    /// <summary>
    /// Adds a new key, ball or box (kind and colour drawn when not given, in that order) to room
    /// (<paramref name="column"/>, <paramref name="row"/>) (MiniGrid's <c>add_object</c>).
    /// </summary>
    public (WorldObject Object, CellPosition Position) AddObject(int column, int row, ObjectType? kind = null, ObjectColor? color = null)
    {
        ObjectType type = kind ?? GridPlacement.RandomElement(_rng, ObjectKinds);
        ObjectColor c = color ?? GridPlacement.RandomColor(_rng);
        WorldObject obj = type switch
        {
            ObjectType.Key => new Key(c),
            ObjectType.Ball => new Ball(c),
            ObjectType.Box => new Box(c),
            _ => throw new ArgumentException($"A room grid adds keys, balls and boxes, not {type}.", nameof(kind)),
        };
        return (obj, PlaceInRoom(column, row, obj));
    }

    /// <summary>
    /// Puts a door on side <paramref name="side"/> of room (<paramref name="column"/>, <paramref name="row"/>) at
    /// that wall's door cell (MiniGrid's <c>add_door</c>): a side with a neighbour and no door yet is drawn when not
    /// given, then the colour, then whether it is locked. A locked door marks the room locked.
    /// </summary>
    /// <exception cref="InvalidOperationException">That side has no neighbour or already has a door or opening.</exception>
    public (Door Door, CellPosition Position) AddDoor(int column, int row, Direction? side = null, ObjectColor? color = null, bool? locked = null)
    {
        Room room = RoomAt(column, row);
        Direction k = side ?? DrawDoorlessSide(room);
        ObjectColor c = color ?? GridPlacement.RandomColor(_rng);
        bool isLocked = locked ?? GridPlacement.RandomBool(_rng);
        if (room.Neighbor(k) is not { } neighbor || room.DoorPosition(k) is not { } position)
            throw new InvalidOperationException($"Room ({column}, {row}) has no neighbour on its {k} side.");
        if (room.Side(k) != RoomSide.Wall)
            throw new InvalidOperationException($"Room ({column}, {row}) already has a way through its {k} side.");
        room.Locked = isLocked;
        var door = new Door(c, isLocked ? DoorState.Locked : DoorState.Closed);
        _grid.Set(position.X, position.Y, door);
        room.Open(k, RoomSide.Door);
        neighbor.Open(Opposite(k), RoomSide.Door);
        return (door, position);
    }

    /// <summary>Removes the wall on side <paramref name="side"/> of room (<paramref name="column"/>, <paramref name="row"/>), corners kept (MiniGrid's <c>remove_wall</c>).</summary>
    /// <exception cref="InvalidOperationException">That side has no neighbour or already has a door or opening.</exception>
    public void RemoveWall(int column, int row, Direction side)
    {
        Room room = RoomAt(column, row);
        if (room.Neighbor(side) is not { } neighbor)
            throw new InvalidOperationException($"Room ({column}, {row}) has no neighbour on its {side} side.");
        if (room.Side(side) != RoomSide.Wall)
            throw new InvalidOperationException($"Room ({column}, {row}) already has a way through its {side} side.");
        int last = RoomSize - 1;
        for (int t = 1; t < last; t++)
        {
            var (x, y) = side switch
            {
                Direction.Right => (last, t),
                Direction.Down => (t, last),
                Direction.Left => (0, t),
                _ => (t, 0),
            };
            _grid.Set(room.Top.X + x, room.Top.Y + y, Empty.Instance);
        }
        room.Open(side, RoomSide.Opening);
        neighbor.Open(Opposite(side), RoomSide.Opening);
    }

    /// <summary>
    /// Puts the agent on an empty cell of room (<paramref name="column"/>, <paramref name="row"/>) (each drawn when
    /// not given), facing a direction drawn when <paramref name="randomDirection"/>, and draws again until the cell
    /// in front is empty or a wall (MiniGrid's room-grid <c>place_agent</c>).
    /// </summary>
    public CellPosition PlaceAgent(int? column = null, int? row = null, bool randomDirection = true)
    {
        int i = column ?? _rng.NextInt(Columns);
        int j = row ?? _rng.NextInt(Rows);
        Room room = RoomAt(i, j);
        while (true)
        {
            // As MiniGrid's place_agent, the cell is drawn with the agent off the grid, so any empty cell will do.
            if (randomDirection)
                (AgentPosition, AgentDirection) = GridPlacement.PlaceAgent(_grid, _rng, room.Top, room.Size, room.Size, MaxPlacementTries);
            else
                AgentPosition = GridPlacement.PlaceObject(_grid, _rng, null, null, room.Top, room.Size, room.Size, null, MaxPlacementTries);
            var (dx, dy) = Step(AgentDirection);
            WorldObject front = _grid.Get(AgentPosition.X + dx, AgentPosition.Y + dy);
            if (front is Empty or Wall)
                return AgentPosition;
        }
    }

    /// <summary>
    /// Adds unlocked doors, coloured from <paramref name="doorColors"/> (every colour when null), at random walls
    /// between rooms that are not locked until every room is reachable from the agent's (MiniGrid's
    /// <c>connect_all</c>); returns the doors added.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rooms were still not all connected after <paramref name="maxIterations"/> draws.</exception>
    public IReadOnlyList<Door> ConnectAll(IReadOnlyList<ObjectColor>? doorColors = null, int maxIterations = 5000)
    {
        doorColors ??= GridPlacement.ColorNames;
        Room start = RoomFromPosition(AgentPosition.X, AgentPosition.Y);
        var added = new List<Door>();
        for (int iteration = 0; ReachableFrom(start) < Rows * Columns; iteration++)
        {
            if (iteration >= maxIterations)
                throw new InvalidOperationException($"The rooms could not be connected in {maxIterations} draws.");
            int i = _rng.NextInt(Columns), j = _rng.NextInt(Rows);
            Direction k = GridPlacement.RandomDirection(_rng);
            Room room = RoomAt(i, j);
            if (room.DoorPosition(k) is null || room.Side(k) != RoomSide.Wall)
                continue;
            if (room.Locked || room.Neighbor(k)!.Locked)
                continue;
            added.Add(AddDoor(i, j, k, GridPlacement.RandomElement(_rng, doorColors), locked: false).Door);
        }
        return added;
    }

    /// <summary>
    /// Adds <paramref name="count"/> random keys, balls and boxes (colour drawn, then kind), to room
    /// (<paramref name="column"/>, <paramref name="row"/>) or a room drawn for each; with
    /// <paramref name="allUnique"/>, none repeats the kind and colour of any object already placed in a room
    /// (MiniGrid's <c>add_distractors</c>).
    /// </summary>
    public IReadOnlyList<WorldObject> AddDistractors(int? column = null, int? row = null, int count = 10, bool allUnique = true)
    {
        var taken = new HashSet<(ObjectType, ObjectColor)>();
        foreach (Room room in _rooms)
            foreach (WorldObject obj in room.Objects)
                taken.Add((obj.Type, obj.Color));
        var added = new List<WorldObject>();
        while (added.Count < count)
        {
            ObjectColor color = GridPlacement.RandomColor(_rng);
            ObjectType kind = GridPlacement.RandomElement(_rng, ObjectKinds);
            if (allUnique && taken.Contains((kind, color)))
                continue;
            int i = column ?? _rng.NextInt(Columns);
            int j = row ?? _rng.NextInt(Rows);
            added.Add(AddObject(i, j, kind, color).Object);
            taken.Add((kind, color));
        }
        return added;
    }

    /// <summary>The episode's start: the agent's cell and direction, and <paramref name="mission"/>.</summary>
    public EpisodeStart Start(string mission) => new(AgentPosition, AgentDirection, mission);

    /// <summary>The side facing <paramref name="side"/>: left for right, up for down.</summary>
    public static Direction Opposite(Direction side) => (Direction)(((int)side + 2) & 3);

    /// <summary>The (x, y) step of moving towards <paramref name="direction"/> (MiniGrid's <c>DIR_TO_VEC</c>).</summary>
    public static (int Dx, int Dy) Step(Direction direction) => direction switch
    {
        Direction.Right => (1, 0),
        Direction.Down => (0, 1),
        Direction.Left => (-1, 0),
        _ => (0, -1),
    };

    // MiniGrid's reject_next_to: objects keep off the agent's four neighbours (and, by place_obj, its cell).
    private bool IsNextToAgent(CellPosition cell) =>
        Math.Abs(cell.X - AgentPosition.X) + Math.Abs(cell.Y - AgentPosition.Y) < 2;

    private Direction DrawDoorlessSide(Room room)
    {
        while (true)
        {
            Direction k = GridPlacement.RandomDirection(_rng);
            if (room.Neighbor(k) is not null && room.Side(k) == RoomSide.Wall)
                return k;
        }
    }

    // The door cells: each room draws those of its right and bottom walls; its left and top take its neighbours'.
    private void LinkNeighbors()
    {
        for (int j = 0; j < Rows; j++)
            for (int i = 0; i < Columns; i++)
            {
                Room room = _rooms[i, j];
                int low = 1, high = RoomSize - 1;
                if (i < Columns - 1)
                    room.Link(Direction.Right, _rooms[i + 1, j], new CellPosition(room.Top.X + high, room.Top.Y + _rng.NextInt(low, high)));
                if (j < Rows - 1)
                    room.Link(Direction.Down, _rooms[i, j + 1], new CellPosition(room.Top.X + _rng.NextInt(low, high), room.Top.Y + high));
                if (i > 0)
                    room.Link(Direction.Left, _rooms[i - 1, j], _rooms[i - 1, j].DoorPosition(Direction.Right)!.Value);
                if (j > 0)
                    room.Link(Direction.Up, _rooms[i, j - 1], _rooms[i, j - 1].DoorPosition(Direction.Down)!.Value);
            }
    }

    // The number of rooms reachable from start through doors (of any state) and openings.
    private int ReachableFrom(Room start)
    {
        var reached = new HashSet<Room>();
        var stack = new Stack<Room>([start]);
        while (stack.TryPop(out Room? room))
        {
            if (!reached.Add(room))
                continue;
            for (var k = Direction.Right; k <= Direction.Up; k++)
                if (room.Side(k) != RoomSide.Wall)
                    stack.Push(room.Neighbor(k)!);
        }
        return reached.Count;
    }
}
