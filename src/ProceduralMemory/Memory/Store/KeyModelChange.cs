namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A new key model for a library (<see cref="LibraryCommit.Rekey"/>): the manifest's key model id and embedding
/// dimension change, the model's bytes are stored with the library, and every stored skill takes its key under the
/// new model, all in the commit's one transaction.
/// </summary>
/// <param name="KeyModel">The new model's id (<see cref="Keys.IKeyProvider{TSituation}.ModelId"/>).</param>
/// <param name="EmbeddingDimension">The length of its keys.</param>
/// <param name="ModelBytes">
/// What the model is, for a model its id does not fully describe (a trained encoder); <c>null</c> for one that it
/// does (a random projection is named by its seed).
/// </param>
public sealed record KeyModelChange(string KeyModel, int EmbeddingDimension, byte[]? ModelBytes);
