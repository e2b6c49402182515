namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Semantic memory: how often <paramref name="Action"/>, taken in perceptual context <paramref name="Context"/>,
/// moved the agent (<paramref name="Forward"/>, <paramref name="Right"/>, <paramref name="Turns"/>, in its own frame)
/// and flipped <paramref name="FlippedFacts"/>. In a commit <paramref name="Count"/> is an increment; read back, a total.
/// </summary>
public readonly record struct OutcomeCount(int Context, int Action, int Forward, int Right, int Turns, ulong FlippedFacts, long Count);
