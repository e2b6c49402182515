namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A whole library as one portable value: what <c>procmem skills export</c> writes and <c>import</c> reads (see
/// <see cref="LibraryJson"/> for the JSON form). Skills carry their statistics and kept demonstrations.
/// </summary>
/// <param name="Manifest">What the skills mean.</param>
/// <param name="Episodes">Episodes the library had run (the clock skill ages are measured by).</param>
/// <param name="Skills">Every skill, by ascending id, with its kept demonstrations.</param>
public sealed record LibraryDocument(LibraryManifest Manifest, long Episodes, IReadOnlyList<NewSkill> Skills)
{
    /// <summary>Reads every skill and its demonstrations from <paramref name="store"/> in one snapshot of skills.</summary>
    /// <exception cref="LibraryException">The store holds no library.</exception>
    public static LibraryDocument ReadFrom(ISkillStore store)
    {
        LibraryManifest manifest = store.Manifest ?? throw new LibraryException("the library is empty: there is nothing to export");
        LibraryChanges all = store.ReadChanges(0);
        var skills = all.Skills.OrderBy(s => s.Id).Select(s => new NewSkill(s, store.ReadDemonstrations(s.Id))).ToList();
        return new LibraryDocument(manifest, all.Episodes, skills);
    }
}
