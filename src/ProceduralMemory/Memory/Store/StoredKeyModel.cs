namespace ProceduralMemory.Memory.Store;

/// <summary>A library's key model as stored, read in one snapshot (<see cref="ISkillStore.ReadKeyModel"/>).</summary>
/// <param name="Id">The manifest's key model id.</param>
/// <param name="Dimension">The manifest's embedding dimension.</param>
/// <param name="Bytes">The model's stored bytes (<see cref="KeyModelChange.ModelBytes"/>), or <c>null</c> when none were stored.</param>
public sealed record StoredKeyModel(string Id, int Dimension, byte[]? Bytes);
