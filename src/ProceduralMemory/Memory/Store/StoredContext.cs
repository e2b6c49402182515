namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A context of the per-context skill lifecycle as a store keeps it: its number (contexts are numbered in founding
/// order from 0), its centroid in the library's key space, and the settings it was founded under.
/// </summary>
/// <param name="Number">The context's number.</param>
/// <param name="Centroid">Its centroid, a unit vector of the library's key dimension.</param>
/// <param name="MaxContexts">The most contexts the founding agent would found.</param>
/// <param name="Similarity">The cosine similarity below which a key founded a new context.</param>
public sealed record StoredContext(int Number, float[] Centroid, int MaxContexts, float Similarity);
