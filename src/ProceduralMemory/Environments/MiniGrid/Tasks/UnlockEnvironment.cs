using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's Unlock (<c>MiniGrid-Unlock-v0</c>): two rooms of side 6 side by side, a locked door of a random
/// colour between them and its key in the left room with the agent. Mission <c>open the door</c>: the toggle that
/// leaves the door open ends the episode with the success reward. Step limit 8 * 6².
/// </summary>
public sealed class UnlockEnvironment : RoomGridEnvironment
{
    /// <summary>The only mission.</summary>
    public const string OpenTheDoor = "open the door";

    private const int Side = 6;
    private CellPosition _door;

    /// <summary>Creates the environment.</summary>
    public UnlockEnvironment() : base("unlock", Side, rows: 1, columns: 2, maxSteps: 8 * Side * Side)
    {
    }

    /// <summary>The cell of the door to open this episode.</summary>
    public CellPosition DoorPosition => _door;

    /// <inheritdoc />
    protected override string Build(RoomGrid rooms)
    {
        var (door, _) = rooms.AddDoor(0, 0, Direction.Right, locked: true);
        rooms.AddObject(0, 0, ObjectType.Key, door.Color);
        rooms.PlaceAgent(0, 0);
        return OpenTheDoor;
    }

    /// <inheritdoc />
    /// <remarks>The door is the grid's only door.</remarks>
    protected override void BeginTask(string mission)
    {
        if (mission != OpenTheDoor)
            throw new ArgumentException($"Unlock's mission is '{OpenTheDoor}', not '{mission}'.", nameof(mission));
        var doors = (from x in Enumerable.Range(0, Width)
                     from y in Enumerable.Range(0, Height)
                     where CellAt(x, y) is Door
                     select new CellPosition(x, y)).Take(2).ToList();
        if (doors.Count != 1)
            throw new ArgumentException($"An Unlock layout has exactly one door, not {(doors.Count == 0 ? "none" : "several")}.", nameof(mission));
        _door = doors[0];
    }

    /// <inheritdoc />
    protected override void AfterStep(int action, ref double reward, ref bool terminated)
    {
        if (action == Toggle && CellAt(_door.X, _door.Y) is Door { IsOpen: true })
        {
            reward = SuccessReward;
            terminated = true;
        }
    }
}
