using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's UnlockPickup (<c>MiniGrid-UnlockPickup-v0</c>): Unlock's two rooms with a box of a random colour in
/// the right room, behind the locked door. Mission <c>pick up the {colour} box</c>. Step limit 8 * 6².
/// </summary>
public sealed class UnlockPickupEnvironment : PickUpTargetEnvironment
{
    private const int Side = 6;

    /// <summary>Creates the environment.</summary>
    public UnlockPickupEnvironment() : base("unlockpickup", Side, rows: 1, columns: 2, maxSteps: 8 * Side * Side)
    {
    }

    /// <inheritdoc />
    protected override string Build(RoomGrid rooms)
    {
        var (box, _) = rooms.AddObject(1, 0, ObjectType.Box);
        var (door, _) = rooms.AddDoor(0, 0, Direction.Right, locked: true);
        rooms.AddObject(0, 0, ObjectType.Key, door.Color);
        rooms.PlaceAgent(0, 0);
        return MissionFor(box);
    }
}
