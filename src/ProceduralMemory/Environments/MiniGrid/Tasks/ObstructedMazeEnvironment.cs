using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's ObstructedMaze (<c>MiniGrid-ObstructedMaze-*</c>, see <see cref="ObstructedMazeVariant"/>): rooms of
/// side 6 whose doors take the colours of a random permutation; each locked door's key lies in the room on the
/// agent's side (in a grey box when hidden), a green ball may stand in front of it, and the blue ball to pick up
/// lies beyond. Mission <c>pick up the blue ball</c>.
/// </summary>
/// <remarks>
/// The 1D mazes are two rooms with the locked door between them. The others are a 3x3 maze: the middle room has
/// an unlocked door to each side room in play, and each of those has a locked door on both its sides that face
/// corner rooms; the blue ball is in one of those corners. In version 0 a side room's first key is placed before
/// its second door's blocking ball, which may then cover it (MiniGrid's bug, kept); version 1 places the keys last.
/// </remarks>
public sealed class ObstructedMazeEnvironment : PickUpTargetEnvironment
{
    private const int Side = 6;

    // MiniGrid's COLOR_NAMES[0], [1] and [2].
    private const ObjectColor BallToFindColor = ObjectColor.Blue, BlockerColor = ObjectColor.Green, BoxColor = ObjectColor.Grey;

    private static readonly (int Column, int Row)[] SideRooms = [(2, 1), (1, 2), (0, 1), (1, 0)];
    private static readonly (int Column, int Row)[] Corners = [(2, 0), (2, 2), (0, 2), (0, 0)];

    /// <summary>Creates the environment in configuration <paramref name="variant"/>.</summary>
    public ObstructedMazeEnvironment(ObstructedMazeVariant variant)
        : base(
            (variant ?? throw new ArgumentNullException(nameof(variant))).Name, Side,
            rows: variant.TwoRooms ? 1 : 3, columns: variant.TwoRooms ? 2 : 3, maxSteps: 4 * variant.RoomsVisited * Side * Side)
    {
        if (!variant.TwoRooms)
            ArgumentOutOfRangeException.ThrowIfNotEqual(variant.Quarters is >= 1 and <= 4, true, nameof(variant.Quarters));
        Variant = variant;
    }

    /// <summary>The configuration.</summary>
    public ObstructedMazeVariant Variant { get; }

    /// <inheritdoc />
    protected override string Build(RoomGrid rooms)
    {
        List<ObjectColor> doorColors = GridPlacement.RandomSubset(rooms.Rng, GridPlacement.ColorNames, GridPlacement.ColorNames.Count);
        (int Column, int Row) agentRoom = (Variant.AgentColumn, Variant.AgentRow);
        if (Variant.TwoRooms)
        {
            AddLockedDoor(rooms, 0, 0, Direction.Right, doorColors[0]);
            AddKey(rooms, 0, 0, doorColors[0]);
            rooms.AddObject(1, 0, ObjectType.Ball, BallToFindColor);
            agentRoom = (0, 0);
        }
        else
        {
            BuildQuarters(rooms, doorColors);
            var (column, row) = GridPlacement.RandomElement(rooms.Rng, Corners[..Variant.Quarters]);
            rooms.AddObject(column, row, ObjectType.Ball, BallToFindColor);
        }
        rooms.PlaceAgent(agentRoom.Column, agentRoom.Row);
        return MissionFor(new Ball(BallToFindColor));
    }

    private void BuildQuarters(RoomGrid rooms, List<ObjectColor> doorColors)
    {
        for (int i = 0; i < Variant.Quarters; i++)
        {
            var (column, row) = SideRooms[i];
            rooms.AddDoor(1, 1, (Direction)i, doorColors[i], locked: false);
            // The side room's two doors face the corners on either side of it; their colours are doorColors[i - 1]
            // and doorColors[i + 1], wrapping around the six colours (not the four sides).
            int[] offsets = [-1, 1];
            foreach (int k in offsets)
            {
                AddLockedDoor(rooms, column, row, (Direction)((i + k + 4) % 4), ColorAt(doorColors, i + k));
                if (!Variant.KeysAfterDoors)
                    AddKey(rooms, column, row, ColorAt(doorColors, i + k));
            }
            if (Variant.KeysAfterDoors)
                foreach (int k in offsets)
                    AddKey(rooms, column, row, ColorAt(doorColors, i + k));
        }
    }

    private static ObjectColor ColorAt(List<ObjectColor> colors, int index) => colors[(index % colors.Count + colors.Count) % colors.Count];

    // A locked door, with a ball in front of it on the room's side when the variant blocks doors.
    private void AddLockedDoor(RoomGrid rooms, int column, int row, Direction side, ObjectColor color)
    {
        var (_, at) = rooms.AddDoor(column, row, side, color, locked: true);
        if (Variant.Blocked)
        {
            var (dx, dy) = RoomGrid.Step(side);
            rooms.Grid.Set(at.X - dx, at.Y - dy, new Ball(BlockerColor));
        }
    }

    private void AddKey(RoomGrid rooms, int column, int row, ObjectColor color)
    {
        WorldObject key = new Key(color);
        rooms.PlaceInRoom(column, row, Variant.KeyInBox ? new Box(BoxColor, key) : key);
    }
}
