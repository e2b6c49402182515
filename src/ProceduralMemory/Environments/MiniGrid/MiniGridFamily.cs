using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// Every MiniGrid environment procmem rebuilds, by its reference id and its procmem name; the
/// <see cref="EnvironmentRegistry"/> registers each under its procmem name and resolves the MiniGrid id too.
/// </summary>
public static class MiniGridFamily
{
    /// <summary>The environments, in the order of MiniGrid's documentation.</summary>
    public static IReadOnlyList<MiniGridTask> Tasks { get; } =
    [
        // DoorKey.
        .. DoorKeyEnvironment.RegisteredSizes.Select(size =>
            new MiniGridTask($"MiniGrid-DoorKey-{size}x{size}-v0", DoorKeyEnvironment.NameOf(size), () => new DoorKeyEnvironment(size))),

        // Empty rooms, FourRooms, lava and crossings.
        .. new[] { (Size: 5, Random: false), (Size: 6, Random: true), (Size: 16, Random: false) }.Select(empty =>
            new MiniGridTask($"MiniGrid-Empty-{(empty.Random ? "Random-" : "")}{empty.Size}x{empty.Size}-v0",
                EmptyRoomEnvironment.NameOf(empty.Size, empty.Random), () => new EmptyRoomEnvironment(empty.Size, empty.Random))),
        new MiniGridTask("MiniGrid-FourRooms-v0", FourRoomsEnvironment.RegisteredName, () => new FourRoomsEnvironment()),
        .. LavaGapEnvironment.RegisteredSizes.Select(size =>
            new MiniGridTask($"MiniGrid-LavaGapS{size}-v0", LavaGapEnvironment.NameOf(size), () => new LavaGapEnvironment(size))),
        .. new[] { (Size: 9, N: 1, Lava: true), (Size: 11, N: 5, Lava: true), (Size: 9, N: 1, Lava: false), (Size: 11, N: 5, Lava: false) }.Select(crossing =>
            new MiniGridTask($"MiniGrid-{(crossing.Lava ? "Lava" : "Simple")}CrossingS{crossing.Size}N{crossing.N}-v0",
                CrossingEnvironment.NameOf(crossing.Size, crossing.N, crossing.Lava), () => new CrossingEnvironment(crossing.Size, crossing.N, crossing.Lava))),

        // Room grids: Unlock, UnlockPickup, BlockedUnlockPickup, KeyCorridor, ObstructedMaze.
        new MiniGridTask("MiniGrid-Unlock-v0", "unlock", () => new UnlockEnvironment()),
        new MiniGridTask("MiniGrid-UnlockPickup-v0", "unlockpickup", () => new UnlockPickupEnvironment()),
        new MiniGridTask("MiniGrid-BlockedUnlockPickup-v0", "blockedunlockpickup", () => new BlockedUnlockPickupEnvironment()),
        .. KeyCorridorEnvironment.RegisteredSizes.Select(s =>
            new MiniGridTask(KeyCorridorEnvironment.MiniGridIdOf(s.RoomSize, s.Rows), KeyCorridorEnvironment.NameOf(s.RoomSize, s.Rows), () => new KeyCorridorEnvironment(s.RoomSize, s.Rows))),
        .. ObstructedMazeVariant.Registered.Select(variant =>
            new MiniGridTask(variant.MiniGridId, variant.Name, () => new ObstructedMazeEnvironment(variant))),

        // MultiRoom, LockedRoom and the instruction tasks: GoToDoor, GoToObject, Fetch, PutNear, RedBlueDoors.
        new MiniGridTask("MiniGrid-MultiRoom-N2-S4-v0", "multiroom-n2-s4", () => new MultiRoomEnvironment("multiroom-n2-s4", 2, 2, maxRoomSize: 4)),
        // MiniGrid keeps this legacy id configured for six rooms, as the traces confirm (120 steps = 6 x 20).
        new MiniGridTask("MiniGrid-MultiRoom-N4-S5-v0", "multiroom-n4-s5", () => new MultiRoomEnvironment("multiroom-n4-s5", 6, 6, maxRoomSize: 5)),
        new MiniGridTask("MiniGrid-MultiRoom-N6-v0", "multiroom-n6", () => new MultiRoomEnvironment("multiroom-n6", 6, 6)),
        new MiniGridTask("MiniGrid-LockedRoom-v0", "lockedroom", () => new LockedRoomEnvironment()),
        .. GoToDoorEnvironment.RegisteredSizes.Select(size =>
            new MiniGridTask($"MiniGrid-GoToDoor-{size}x{size}-v0", GoToDoorEnvironment.NameOf(size), () => new GoToDoorEnvironment(size))),
        new MiniGridTask("MiniGrid-GoToObject-6x6-N2-v0", "gotoobject-6x6-n2", () => new GoToObjectEnvironment(6, 2)),
        new MiniGridTask("MiniGrid-Fetch-5x5-N2-v0", "fetch-5x5-n2", () => new FetchEnvironment(5, 2)),
        new MiniGridTask("MiniGrid-PutNear-6x6-N2-v0", "putnear-6x6-n2", () => new PutNearEnvironment(6, 2)),
        new MiniGridTask("MiniGrid-RedBlueDoors-6x6-v0", "redbluedoors-6x6", () => new RedBlueDoorsEnvironment(6)),
    ];

    private static readonly Dictionary<string, MiniGridTask> ById =
        Tasks.ToDictionary(task => task.MiniGridId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The task registered under the reference id <paramref name="miniGridId"/>, or null.</summary>
    public static MiniGridTask? FindById(string miniGridId) => ById.GetValueOrDefault(miniGridId);
}
