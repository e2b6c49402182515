using ProceduralMemory.Environments.MiniGrid.Rooms;

namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// MiniGrid's BlockedUnlockPickup (<c>MiniGrid-BlockedUnlockPickup-v0</c>): UnlockPickup with a ball of a random
/// colour in front of the locked door, on the agent's side, to move out of the way first. Mission
/// <c>pick up the {colour} box</c>. Step limit 16 * 6².
/// </summary>
public sealed class BlockedUnlockPickupEnvironment : PickUpTargetEnvironment
{
    private const int Side = 6;

    /// <summary>Creates the environment.</summary>
    public BlockedUnlockPickupEnvironment() : base("blockedunlockpickup", Side, rows: 1, columns: 2, maxSteps: 16 * Side * Side)
    {
    }

    /// <inheritdoc />
    protected override string Build(RoomGrid rooms)
    {
        var (box, _) = rooms.AddObject(1, 0, ObjectType.Box);
        var (door, at) = rooms.AddDoor(0, 0, Direction.Right, locked: true);
        rooms.Grid.Set(at.X - 1, at.Y, new Ball(GridPlacement.RandomColor(rooms.Rng)));
        rooms.AddObject(0, 0, ObjectType.Key, door.Color);
        rooms.PlaceAgent(0, 0);
        return MissionFor(box);
    }
}
