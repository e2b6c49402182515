namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>One room of a <see cref="MultiRoomEnvironment"/> layout, walls included.</summary>
/// <param name="Top">The top-left wall cell.</param>
/// <param name="Width">The width, walls included.</param>
/// <param name="Height">The height, walls included.</param>
/// <param name="EntryDoor">The door cell it is entered through (for the first room, its top-left corner: it has no door).</param>
internal readonly record struct ChainRoom(CellPosition Top, int Width, int Height, CellPosition EntryDoor);
