namespace ProceduralMemory.Agents.Exploration;

/// <summary>What one action did, as the agent saw it: how its pose changed (in its own frame) and which facts flipped.</summary>
/// <param name="Forward">Cells moved ahead.</param>
/// <param name="Right">Cells moved to the right.</param>
/// <param name="Turns">Quarter turns clockwise.</param>
/// <param name="FlippedFacts">The facts whose value changed.</param>
public readonly record struct ActionOutcome(int Forward, int Right, int Turns, ulong FlippedFacts);
