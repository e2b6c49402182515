using Polly;
using Polly.Retry;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Sqlite.Tests;

/// <summary>
/// The retry decorator over a real store: a failure the pipeline calls transient is retried and the operation then
/// runs once on the store; any other failure escapes at once, unretried.
/// </summary>
public sealed class RetryingSkillStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    /// <summary>Retries only <see cref="TimeoutException"/>, at once, at most three times.</summary>
    private static readonly ResiliencePipeline RetryTimeouts = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<TimeoutException>(),
            Delay = TimeSpan.Zero,
            MaxRetryAttempts = 3,
        })
        .Build();

    [Fact]
    public void ATransientFailure_IsRetried_AndTheCommitIsAppliedOnce()
    {
        var flaky = new FailingFirst(SqliteSkillStore.Open(_directory.Combine("library.db")), failures: 2, () => new TimeoutException("lost the server"));
        using RetryingSkillStore store = flaky.UseRetry(RetryTimeouts);
        store.Create(StoreSamples.Manifest);

        CommitResult result = store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1, uses: 1))] });

        Assert.Equal(2, store.Retries);
        Assert.Equal(3, flaky.Calls);
        Assert.Equal([(0, true)], result.NewSkills);
        LibraryChanges changes = store.ReadChanges(0);
        Assert.Equal(1, Assert.Single(changes.Skills).Uses);
    }

    [Fact]
    public void AFailureThePipelineDoesNotHandle_IsNotRetried()
    {
        // A real refusal of the store: it holds no library yet.
        var counted = new FailingFirst(SqliteSkillStore.Open(_directory.Combine("empty.db")), failures: 0, () => new TimeoutException());
        using RetryingSkillStore store = counted.UseRetry(RetryTimeouts);

        var e = Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1))] }));

        Assert.Contains("holds no library yet", e.Message);
        Assert.Equal(0, store.Retries);
        Assert.Equal(1, counted.Calls);
    }

    [Fact]
    public void TheDecorator_ForwardsWhatItDoesNotRetry_AndDisposesTheStore()
    {
        SqliteSkillStore inner = SqliteSkillStore.Open(_directory.Combine("library.db"), readOnly: false);
        RetryingSkillStore store = inner.UseRetry(RetryTimeouts);
        store.Create(StoreSamples.Manifest);

        Assert.Same(inner.Manifest, store.Manifest);
        Assert.False(store.IsReadOnly);
        store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => inner.ReadChanges(0));
    }

    /// <summary>A store whose first <c>failures</c> commits throw before reaching the store; counts the commits it is asked for.</summary>
    private sealed class FailingFirst(ISkillStore inner, int failures, Func<Exception> failure) : DelegatingSkillStore(inner)
    {
        public int Calls { get; private set; }

        public override CommitResult Commit(LibraryCommit commit)
        {
            if (++Calls <= failures)
                throw failure();
            return base.Commit(commit);
        }
    }
}
