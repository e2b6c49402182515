namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>Where <see cref="GridPlacement.PlaceAgent(CellGrid, Rng)"/> put the agent and which way it faces.</summary>
/// <param name="Cell">The agent's start cell.</param>
/// <param name="Direction">The agent's start direction.</param>
public readonly record struct AgentPlacement(CellPosition Cell, Direction Direction);
