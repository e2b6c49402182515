namespace ProceduralMemory.Environments.MiniGrid.Rooms;

/// <summary>What separates a room from its neighbour on one side (MiniGrid's <c>room.doors[k]</c>: None, a door, or True).</summary>
public enum RoomSide : byte
{
    /// <summary>A wall: no way through.</summary>
    Wall = 0,

    /// <summary>A door (open, closed or locked).</summary>
    Door = 1,

    /// <summary>The wall was removed.</summary>
    Opening = 2,
}
