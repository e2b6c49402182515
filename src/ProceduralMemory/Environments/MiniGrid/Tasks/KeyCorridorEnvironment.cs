using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's KeyCorridor (<c>MiniGrid-KeyCorridorS{size}R{rows}-v0</c>): three columns of rooms, the middle column
/// one open corridor where the agent starts; a ball of a random colour behind a locked door in a room of the right
/// column, its key in a room of the left column, and doors added until every room is reachable. Mission
/// <c>pick up the {colour} ball</c>. Step limit 30 * size².
/// </summary>
public sealed class KeyCorridorEnvironment : PickUpTargetEnvironment
{
    /// <summary>MiniGrid's registered (room size, rows) pairs.</summary>
    public static IReadOnlyList<(int RoomSize, int Rows)> RegisteredSizes { get; } = [(3, 1), (3, 2), (3, 3), (4, 3), (5, 3), (6, 3)];

    /// <summary>Creates the environment with <paramref name="rows"/> rows of rooms of side <paramref name="roomSize"/>.</summary>
    public KeyCorridorEnvironment(int roomSize, int rows)
        : base(NameOf(roomSize, rows), roomSize, rows, columns: 3, maxSteps: 30 * roomSize * roomSize)
    {
    }

    /// <summary>procmem's name for the size, e.g. <c>keycorridor-s3r3</c>.</summary>
    public static string NameOf(int roomSize, int rows) => $"keycorridor-s{roomSize}r{rows}";

    /// <summary>MiniGrid's id for the size, e.g. <c>MiniGrid-KeyCorridorS3R3-v0</c>.</summary>
    public static string MiniGridIdOf(int roomSize, int rows) => $"MiniGrid-KeyCorridorS{roomSize}R{rows}-v0";

    /// <inheritdoc />
    protected override string Build(RoomGrid rooms)
    {
        for (int j = 1; j < Rows; j++)
            rooms.RemoveWall(1, j, Direction.Up);
        int targetRow = rooms.Rng.NextInt(Rows);
        var (door, _) = rooms.AddDoor(2, targetRow, Direction.Left, locked: true);
        var (ball, _) = rooms.AddObject(2, targetRow, ObjectType.Ball);
        rooms.AddObject(0, rooms.Rng.NextInt(Rows), ObjectType.Key, door.Color);
        rooms.PlaceAgent(1, Rows / 2);
        rooms.ConnectAll();
        return MissionFor(ball);
    }
}
