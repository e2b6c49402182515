using ProceduralMemory.Agents.Exploration;

namespace ProceduralMemory.Memory.Domains;

/// <summary>What the grid's semantic memory counts: an action and what it did (the move in the agent's frame, the facts it flipped).</summary>
/// <param name="Action">The action index.</param>
/// <param name="Move">What it did.</param>
public readonly record struct GridOutcome(int Action, ActionOutcome Move);
