namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>What a task's generator returns besides the grid: where the agent starts, which way it faces, and the mission.</summary>
/// <param name="Agent">The agent's start cell.</param>
/// <param name="Direction">The agent's start direction.</param>
/// <param name="Mission">The mission string, as MiniGrid words it for this layout.</param>
public readonly record struct EpisodeStart(CellPosition Agent, Direction Direction, string Mission);
