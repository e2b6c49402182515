namespace ProceduralMemory.Environments.MiniGrid.Tasks;

/// <summary>
/// One registered ObstructedMaze configuration: how many doors are locked (<c>1D</c>: one door between two rooms;
/// otherwise a 3x3 maze with the quarters that have locked doors), whether keys are hidden in boxes (<c>h</c>),
/// whether balls block the locked doors (<c>b</c>), and the step budget's count of rooms to visit.
/// </summary>
/// <param name="Label">MiniGrid's label, e.g. <c>2Dlhb</c>, <c>1Q</c>, <c>Full</c>.</param>
/// <param name="TwoRooms">True for the 1D mazes: two rooms joined by one locked door.</param>
/// <param name="Quarters">How many of the 3x3 maze's side rooms get doors and keys (1 to 4); unused for two rooms.</param>
/// <param name="AgentColumn">The column of the agent's room in the 3x3 maze.</param>
/// <param name="AgentRow">The row of the agent's room in the 3x3 maze.</param>
/// <param name="KeyInBox">Keys are hidden in boxes.</param>
/// <param name="Blocked">A ball stands in front of each locked door.</param>
/// <param name="RoomsVisited">The step limit is 4 * this * 6².</param>
/// <param name="KeysAfterDoors">Version 1: all of a side room's doors and blocking balls are placed before its keys, so that no ball covers a key.</param>
public sealed record ObstructedMazeVariant(
    string Label, bool TwoRooms, int Quarters, int AgentColumn, int AgentRow, bool KeyInBox, bool Blocked, int RoomsVisited, bool KeysAfterDoors = false)
{
    /// <summary>MiniGrid's registered configurations that procmem rebuilds, in its order.</summary>
    public static IReadOnlyList<ObstructedMazeVariant> Registered { get; } =
    [
        new("1Dl", TwoRooms: true, 0, 0, 0, KeyInBox: false, Blocked: false, RoomsVisited: 2),
        new("1Dlh", TwoRooms: true, 0, 0, 0, KeyInBox: true, Blocked: false, RoomsVisited: 2),
        new("1Dlhb", TwoRooms: true, 0, 0, 0, KeyInBox: true, Blocked: true, RoomsVisited: 2),
        new("2Dl", TwoRooms: false, 1, 2, 1, KeyInBox: false, Blocked: false, RoomsVisited: 4),
        new("2Dlh", TwoRooms: false, 1, 2, 1, KeyInBox: true, Blocked: false, RoomsVisited: 4),
        new("2Dlhb", TwoRooms: false, 1, 2, 1, KeyInBox: true, Blocked: true, RoomsVisited: 4),
        new("1Q", TwoRooms: false, 1, 1, 1, KeyInBox: true, Blocked: true, RoomsVisited: 5),
        new("2Q", TwoRooms: false, 2, 2, 1, KeyInBox: true, Blocked: true, RoomsVisited: 11),
        new("Full", TwoRooms: false, 4, 1, 1, KeyInBox: true, Blocked: true, RoomsVisited: 25),
        new("Full", TwoRooms: false, 4, 1, 1, KeyInBox: true, Blocked: true, RoomsVisited: 25, KeysAfterDoors: true),
    ];

    /// <summary>MiniGrid's id, e.g. <c>MiniGrid-ObstructedMaze-1Dlhb-v0</c>.</summary>
    public string MiniGridId => $"MiniGrid-ObstructedMaze-{Label}-v{(KeysAfterDoors ? 1 : 0)}";

    /// <summary>procmem's name, e.g. <c>obstructedmaze-1dlhb</c>, <c>obstructedmaze-full-v1</c>.</summary>
    public string Name => $"obstructedmaze-{Label.ToLowerInvariant()}{(KeysAfterDoors ? "-v1" : "")}";
}
