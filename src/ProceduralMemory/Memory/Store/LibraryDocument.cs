namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A whole library as one portable value: what <c>procmem skills export</c> writes and <c>import</c> reads (see
/// <see cref="LibraryJson"/> for the JSON form). Skills carry their statistics and kept demonstrations.
/// </summary>
/// <param name="Manifest">What the skills mean.</param>
/// <param name="Episodes">Episodes the library had run (the clock skill ages are measured by).</param>
/// <param name="Skills">Every skill, by ascending id, with its kept demonstrations.</param>
/// <param name="KeyModelBytes">The stored key model's bytes (a trained encoder), or <c>null</c> when its id describes it.</param>
/// <param name="Contexts">The per-context lifecycle's state (contexts, counts, splits), empty when the library has none.</param>
public sealed record LibraryDocument(LibraryManifest Manifest, long Episodes, IReadOnlyList<NewSkill> Skills, byte[]? KeyModelBytes = null,
    ContextState? Contexts = null)
{
    /// <summary>The per-context state, never null.</summary>
    public ContextState ContextsOrEmpty => Contexts ?? ContextState.Empty;

    /// <summary>Reads every skill and its demonstrations from <paramref name="store"/> in one snapshot of skills.</summary>
    /// <exception cref="LibraryException">The store holds no library, or was re-keyed while it was read.</exception>
    public static LibraryDocument ReadFrom(ISkillStore store)
    {
        StoredKeyModel keyModel = store.ReadKeyModel() ?? throw new LibraryException("the library is empty: there is nothing to export");
        LibraryChanges all = store.ReadChanges(0);
        // The skills' snapshot lies between two reads of the same key model, so their keys are that model's.
        if (store.ReadKeyModel() is not { } after || after.Id != keyModel.Id || store.Manifest is not { } manifest || manifest.KeyModel != keyModel.Id)
            throw new LibraryException("the library was re-keyed while it was read: export it again");
        var skills = all.Skills.OrderBy(s => s.Id).Select(s => new NewSkill(s, store.ReadDemonstrations(s.Id))).ToList();
        return new LibraryDocument(manifest, all.Episodes, skills, keyModel.Bytes, all.Contexts.IsEmpty ? null : all.Contexts);
    }
}
