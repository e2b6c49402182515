using Polly;
using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Runs every operation of a store through a Polly <see cref="ResiliencePipeline"/>, so that the pipeline's retries
/// (which failures, how long, what waits) are composed around a backend instead of built into it. The pipeline
/// decides what is transient; a failure it does not handle escapes at once.
/// </summary>
/// <remarks>
/// A retried write is the same call again with the same commit (or rule) object: a backend that can lose a commit's
/// answer recognises it and applies it at most once (see <see cref="Sql.SqlSkillStore"/>). Disposing this store
/// disposes the inner one.
/// </remarks>
public sealed class RetryingSkillStore : DelegatingSkillStore
{
    private readonly ResiliencePipeline _pipeline;
    private int _retries;

    /// <param name="inner">The store to retry.</param>
    /// <param name="pipeline">What each operation runs through.</param>
    public RetryingSkillStore(ISkillStore inner, ResiliencePipeline pipeline)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        _pipeline = pipeline;
    }

    /// <summary>How many attempts were repeated after a failure (tests check that a fault was met).</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <inheritdoc />
    public override LibraryManifest Create(LibraryManifest manifest) => Run(store => store.Create(manifest));

    /// <inheritdoc />
    public override CommitResult Commit(LibraryCommit commit) => Run(store => store.Commit(commit));

    /// <inheritdoc />
    public override LibraryChanges ReadChanges(long sinceChange) => Run(store => store.ReadChanges(sinceChange));

    /// <inheritdoc />
    public override IReadOnlyList<IReadOnlyList<AgentStep>> ReadDemonstrations(int skillId) => Run(store => store.ReadDemonstrations(skillId));

    /// <inheritdoc />
    public override StoredKeyModel? ReadKeyModel() => Run(store => store.ReadKeyModel());

    /// <inheritdoc />
    public override IReadOnlyList<EpisodeRecord> ReadEpisodes(int count) => Run(store => store.ReadEpisodes(count));

    /// <inheritdoc />
    public override IReadOnlyList<int> Prune(PruneRule rule) => Run(store => store.Prune(rule));

    private T Run<T>(Func<ISkillStore, T> operation)
    {
        bool first = true;
        return _pipeline.Execute(() =>
        {
            if (!first)
                Interlocked.Increment(ref _retries);
            first = false;
            return operation(Inner);
        });
    }
}
