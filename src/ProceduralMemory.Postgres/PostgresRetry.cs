using Npgsql;
using Polly;
using Polly.Retry;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

/// <summary>
/// How a PostgreSQL library rides out failures: which errors are transient, and the retry pipeline that waits them
/// out (exponential backoff from 100 ms to 5 s, with jitter, for a retry time). The store itself never retries an
/// operation; <see cref="UseRetry(PostgresSkillStore)"/> composes this pipeline around it.
/// </summary>
public static class PostgresRetry
{
    /// <summary>How long an operation keeps retrying through transient failures by default.</summary>
    public static readonly TimeSpan DefaultRetryTime = TimeSpan.FromMinutes(2);

    private static readonly ResiliencePropertyKey<long> StartedKey = new("procmem.started");

    /// <summary>Distinguishes the pipelines of one process in their jitter.</summary>
    private static int s_pipelines;

    /// <summary>
    /// Whether <paramref name="exception"/> (or the driver's error a <see cref="LibraryException"/> reports) is worth
    /// retrying: the connection failed or was cut (a server shutting down or restarting, a network fault, a timeout),
    /// the server cannot take connections right now, or the transaction lost a serialization or deadlock conflict.
    /// Everything else (a wrong password, a missing database, a constraint, an invalid commit) fails at once.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        LibraryException { InnerException: NpgsqlException inner } => IsTransient(inner),
        PostgresException e => e.SqlState.StartsWith("08", StringComparison.Ordinal)
            || e.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.TooManyConnections
            || e.IsTransient,
        NpgsqlException e => e.IsTransient,
        _ => false,
    };

    /// <summary>
    /// The pipeline that retries transient failures (<see cref="IsTransient"/>) until <paramref name="retryTime"/>
    /// (default <see cref="DefaultRetryTime"/>) has passed since an operation's first failure, timed by
    /// <paramref name="timeProvider"/> (default the system clock).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The retry time is negative.</exception>
    public static ResiliencePipeline Pipeline(TimeSpan? retryTime = null, TimeProvider? timeProvider = null)
    {
        TimeSpan budget = retryTime ?? DefaultRetryTime;
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero);
        return Build(budget, timeProvider ?? TimeProvider.System, bounded: false);
    }

    /// <summary>
    /// <paramref name="store"/> with every operation retried through <see cref="Pipeline"/>'s defaults; a commit
    /// retried after its connection died during <c>COMMIT</c> is found in the library's commit log, never applied twice.
    /// </summary>
    public static RetryingSkillStore UseRetry(this PostgresSkillStore store) => store.UseRetry(Pipeline());

    /// <summary>
    /// Retries transient failures for <paramref name="budget"/> from the first failure (from the start, when the
    /// caller sets it in the context); when <paramref name="bounded"/>, a wait between attempts is also cut short at
    /// the end of the budget, so that the whole run ends within it (plus what an attempt under way still takes).
    /// </summary>
    internal static ResiliencePipeline Build(TimeSpan budget, TimeProvider clock, bool bounded)
    {
        // Jitter spreads out the reconnects of many clients after a restart; it only moves times, never a result,
        // and comes from the library's own generator rather than a hidden one.
        var jitter = new Rng((ulong)Environment.ProcessId << 32 | (uint)Interlocked.Increment(ref s_pipelines));
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (bounded)
            builder.AddTimeout(budget);
        return builder
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args =>
                {
                    if (args.Outcome.Exception is not { } e || !IsTransient(e))
                        return ValueTask.FromResult(false);
                    if (!args.Context.Properties.TryGetValue(StartedKey, out long started))
                        args.Context.Properties.Set(StartedKey, started = clock.GetTimestamp());
                    return ValueTask.FromResult(clock.GetElapsedTime(started) < budget);
                },
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(5),
                MaxRetryAttempts = int.MaxValue,
                Randomizer = () =>
                {
                    lock (jitter)
                        return jitter.NextDouble();
                },
            })
            .Build();
    }

    /// <summary>Marks <paramref name="context"/>'s run as started now, so that a bounded pipeline's budget counts from the start.</summary>
    internal static void Start(ResilienceContext context, TimeProvider clock) => context.Properties.Set(StartedKey, clock.GetTimestamp());
}
