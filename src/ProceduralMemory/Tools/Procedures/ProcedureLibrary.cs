using Microsoft.Extensions.AI;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// A library of procedures in any skill store (SQLite, PostgreSQL): a library of the <see cref="ToolDomain"/> whose
/// manifest lists the tools its procedures call and whose keys embed purposes as text, by default with the built-in
/// <see cref="HashedNgramEmbedder"/>. Opening creates the library in an empty store and checks an existing one;
/// procedures are added, counted and read back through the store's ordinary commits.
/// </summary>
public static class ProcedureLibrary
{
    /// <summary>
    /// The default key provider: the built-in <see cref="HashedNgramEmbedder"/> (no model download) with
    /// <paramref name="dimension"/> numbers, model id <c>embedding/v1 provider=procmem model=hashed-ngrams/v1 dim=256</c>.
    /// </summary>
    public static EmbeddingKeyProvider DefaultKeys(int dimension = HashedNgramEmbedder.DefaultDimension) =>
        new(new HashedNgramEmbedder(dimension), dimension);

    /// <summary>The manifest of a procedure library for <paramref name="tools"/> (in their order) with keys from <paramref name="keys"/>.</summary>
    public static LibraryManifest ManifestFor(IEnumerable<string> tools, IKeyProvider<string> keys)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(keys);
        string[] names = [.. tools];
        if (names.Length == 0 || names.Any(string.IsNullOrWhiteSpace) || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException("A procedure library needs at least one tool, each named once.", nameof(tools));
        return new LibraryManifest(ToolDomain.DomainName, [], names, FeatureCount: 0, keys.Dimension, keys.ModelId);
    }

    /// <summary>
    /// Makes <paramref name="store"/> a procedure library for <paramref name="tools"/> with keys from <paramref name="keys"/>
    /// (default: <see cref="DefaultKeys"/>) if it holds none yet, else checks that the library it holds is one for the
    /// same tools and key model; returns the stored manifest.
    /// </summary>
    /// <exception cref="LibraryException">The store is empty and read-only, or holds a library of another domain, tools or key model.</exception>
    public static LibraryManifest Open(ISkillStore store, IEnumerable<string> tools, IKeyProvider<string>? keys = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        LibraryManifest wanted = ManifestFor(tools, keys ?? DefaultKeys());
        if (store.Manifest is null && store.IsReadOnly)
            throw new LibraryException("the library is empty: learn procedures into it first");
        LibraryManifest stored = store.Manifest ?? store.Create(wanted);
        if (stored.IncompatibilityWith(wanted) is { } reason)
            throw new LibraryException($"the library is not a procedure library for these tools: {reason}");
        if (stored.KeyMismatchWith(wanted) is { } keyReason)
            throw new LibraryException($"the library's procedures cannot be compared with these: {keyReason}");
        return stored;
    }

    /// <summary>
    /// The key provider of a stored procedure library: <paramref name="generator"/> (default: the built-in
    /// <see cref="HashedNgramEmbedder"/>), which must be the model the library's keys came from.
    /// </summary>
    /// <exception cref="LibraryException">The library is not a procedure library, or its keys came from another model.</exception>
    public static EmbeddingKeyProvider KeysFor(LibraryManifest manifest, IEmbeddingGenerator<string, Embedding<float>>? generator = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Domain != ToolDomain.DomainName)
            throw new LibraryException($"the library's domain is '{manifest.Domain}', not '{ToolDomain.DomainName}': it holds no procedures");
        var keys = new EmbeddingKeyProvider(generator ?? new HashedNgramEmbedder(manifest.EmbeddingDimension), manifest.EmbeddingDimension);
        return keys.ModelId == manifest.KeyModel
            ? keys
            : throw new LibraryException($"the library's keys come from '{manifest.KeyModel}', not '{keys.ModelId}': embed with that model");
    }

    /// <summary>
    /// Stores <paramref name="procedures"/> as new skills (<see cref="ProcedureSkills.Create"/>) in one commit. A procedure
    /// whose identity (<see cref="ToolDomain.IdentityOf(Procedure)"/>) a stored one has is not stored again: the stored one
    /// counts its demonstrations and keeps its own procedure. Returns each one's stored id and whether it was created.
    /// </summary>
    public static IReadOnlyList<(int Id, bool Created)> Add(ISkillStore store, IKeyProvider<string> keys, IEnumerable<Procedure> procedures)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(procedures);
        var skills = procedures.Select(p => new NewSkill(SkillRecord.Of(ProcedureSkills.Create(p, keys)), [])).ToList();
        return skills.Count == 0 ? [] : store.Commit(new LibraryCommit { NewSkills = skills }).NewSkills;
    }

    /// <summary>Replaces the procedure of stored skill <paramref name="skillId"/> (with more demonstrations merged in, say), adding <paramref name="addDemonstrations"/> to its count.</summary>
    public static void Replace(ISkillStore store, int skillId, Procedure procedure, int addDemonstrations = 0)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Commit(new LibraryCommit
        {
            Updates = [new SkillUpdate(skillId) { Policy = ProcedurePolicyCodec.Store(procedure), AddDemonstrations = addDemonstrations }],
        });
    }

    /// <summary>Counts one run of stored skill <paramref name="skillId"/> and whether it succeeded.</summary>
    public static void RecordRun(ISkillStore store, int skillId, bool success)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.Commit(new LibraryCommit { Updates = [new SkillUpdate(skillId) { AddUses = 1, AddSuccesses = success ? 1 : 0 }] });
    }

    /// <summary>Every stored procedure skill, in a <see cref="SkillLibrary"/> whose index retrieves them by key (<see cref="Retrieve"/>).</summary>
    /// <exception cref="LibraryException">The store holds no procedure library.</exception>
    public static SkillLibrary Load(ISkillStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        LibraryManifest manifest = store.Manifest ?? throw new LibraryException("the library is empty: learn procedures into it first");
        if (manifest.Domain != ToolDomain.DomainName)
            throw new LibraryException($"the library's domain is '{manifest.Domain}', not '{ToolDomain.DomainName}': it holds no procedures");
        var library = new SkillLibrary(manifest.EmbeddingDimension);
        foreach (SkillRecord record in store.ReadChanges(0).Skills)
            library.Restore(record.ToSkill());
        return library;
    }

    /// <summary>The at most <paramref name="topK"/> procedure skills of <paramref name="library"/> whose purposes are nearest to <paramref name="text"/>, nearest first.</summary>
    public static IReadOnlyList<Skill> Retrieve(SkillLibrary library, IKeyProvider<string> keys, string text, int topK = 3)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(keys);
        return library.Retrieve(new Facts(0), keys.KeyOf(text), topK);
    }
}
