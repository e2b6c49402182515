namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// Everything of a <see cref="MiniGridEnvironment"/>'s episode state that is not the grid: the agent's cell and
/// direction, the code of what it carries, the step count and whether the episode is over. With the grid's codes
/// it is the simulator's whole state, which the <see cref="ShortestPathSolver"/> sets and steps from.
/// </summary>
internal readonly record struct AgentSnapshot(int X, int Y, int Direction, byte Carrying, int Steps, bool EpisodeOver);
