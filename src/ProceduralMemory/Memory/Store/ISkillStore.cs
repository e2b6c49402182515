using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Where a skill library lives between runs: skills with their policies and statistics, demonstrations,
/// semantic memory (what actions do) and episodic memory (raw trajectories). Every write is one transaction,
/// counters change by atomic additions (never read-modify-write), and a skill is identified by its
/// preconditions and effect, so several processes can learn into one store without losing or duplicating updates.
/// </summary>
/// <remarks>
/// Kept small on purpose: a backend maps these members onto its engine's transactions and upserts; everything
/// else (codecs, validation, the agent's bookkeeping) lives once in the library.
/// </remarks>
public interface ISkillStore : IDisposable
{
    /// <summary>What the library was created for, or <c>null</c> while the store holds no library yet.</summary>
    LibraryManifest? Manifest { get; }

    /// <summary>True when the store was opened for reading only: every write throws <see cref="LibraryException"/>.</summary>
    bool IsReadOnly { get; }

    /// <summary>
    /// Makes the store a library for <paramref name="manifest"/>, unless it already is one (another process may
    /// have created it a moment ago); returns the manifest the library has, which is then also <see cref="Manifest"/>.
    /// </summary>
    LibraryManifest Create(LibraryManifest manifest);

    /// <summary>Applies <paramref name="commit"/> in one transaction: all of it, or (on an exception) none of it.</summary>
    CommitResult Commit(LibraryCommit commit);

    /// <summary>
    /// The skills, outcome counts and per-context state changed after change number <paramref name="sinceChange"/> (0: everything),
    /// read in one consistent snapshot, without demonstrations.
    /// </summary>
    LibraryChanges ReadChanges(long sinceChange);

    /// <summary>The library's key model with its stored bytes, or <c>null</c> while the store holds no library yet.</summary>
    StoredKeyModel? ReadKeyModel();

    /// <summary>The kept demonstrations of skill <paramref name="skillId"/>, oldest first.</summary>
    IReadOnlyList<IReadOnlyList<AgentStep>> ReadDemonstrations(int skillId);

    /// <summary>The newest <paramref name="count"/> recorded episodes, oldest first.</summary>
    IReadOnlyList<EpisodeRecord> ReadEpisodes(int count);

    /// <summary>Deletes, in one transaction, the skills <paramref name="rule"/> selects (with their demonstrations); returns their ids.</summary>
    IReadOnlyList<int> Prune(PruneRule rule);
}
