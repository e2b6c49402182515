namespace ProceduralMemory.Environments.MiniGrid.Rooms;

/// <summary>
/// One room of a <see cref="RoomGrid"/>: its walled square, and per side (indexed by <see cref="Direction"/>:
/// right, down, left, up) the cell its door would take, the neighbouring room, and whether that side is passable.
/// </summary>
/// <remarks>Rooms share their walls with their neighbours, so a door belongs to both rooms it joins.</remarks>
public sealed class Room
{
    private readonly CellPosition?[] _doorPositions = new CellPosition?[4];
    private readonly Room?[] _neighbors = new Room?[4];
    private readonly RoomSide[] _sides = new RoomSide[4];
    private readonly List<WorldObject> _objects = [];

    /// <summary>Creates the room in column <paramref name="column"/>, row <paramref name="row"/>, whose walls start at <paramref name="top"/>.</summary>
    internal Room(int column, int row, CellPosition top, int size)
    {
        Column = column;
        Row = row;
        Top = top;
        Size = size;
    }

    /// <summary>The room's column in the grid of rooms (MiniGrid's i).</summary>
    public int Column { get; }

    /// <summary>The room's row in the grid of rooms (MiniGrid's j).</summary>
    public int Row { get; }

    /// <summary>The top-left cell of the room's walls.</summary>
    public CellPosition Top { get; }

    /// <summary>The side of the room's square, walls included.</summary>
    public int Size { get; }

    /// <summary>True when a locked door was added to this room (MiniGrid's <c>room.locked</c>): <see cref="RoomGrid.ConnectAll"/> adds no door to it.</summary>
    public bool Locked { get; internal set; }

    /// <summary>The objects placed in this room, in the order they were placed.</summary>
    public IReadOnlyList<WorldObject> Objects => _objects;

    /// <summary>The cell of the door on <paramref name="side"/>, or null when no room lies that way.</summary>
    public CellPosition? DoorPosition(Direction side) => _doorPositions[(int)side];

    /// <summary>The room on <paramref name="side"/>, or null at the edge of the grid.</summary>
    public Room? Neighbor(Direction side) => _neighbors[(int)side];

    /// <summary>What lies on <paramref name="side"/>: a wall, a door or an opening.</summary>
    public RoomSide Side(Direction side) => _sides[(int)side];

    /// <summary>True when (<paramref name="x"/>, <paramref name="y"/>) lies within the room's walls (walls included).</summary>
    public bool Contains(int x, int y) =>
        x >= Top.X && y >= Top.Y && x < Top.X + Size && y < Top.Y + Size;

    internal void Link(Direction side, Room neighbor, CellPosition doorPosition)
    {
        _neighbors[(int)side] = neighbor;
        _doorPositions[(int)side] = doorPosition;
    }

    internal void Open(Direction side, RoomSide kind) => _sides[(int)side] = kind;

    internal void Add(WorldObject obj) => _objects.Add(obj);
}
