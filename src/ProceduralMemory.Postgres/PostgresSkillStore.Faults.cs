using Npgsql;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

public sealed partial class PostgresSkillStore
{
    private static readonly ResiliencePropertyKey<long> StartedKey = new("procmem.started");
    private static readonly ResiliencePropertyKey<Exception?> LastFailureKey = new("procmem.last-failure");

    /// <summary>
    /// Whether <paramref name="exception"/> is worth retrying: the connection failed or was cut (a server shutting
    /// down or restarting, a network fault, a timeout), the server cannot take connections right now, or the
    /// transaction lost a serialization or deadlock conflict. Everything else (a wrong password, a missing
    /// database, a constraint) fails at once.
    /// </summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException e => e.SqlState.StartsWith("08", StringComparison.Ordinal)
            || e.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.TooManyConnections
            || e.IsTransient,
        NpgsqlException e => e.IsTransient,
        _ => false,
    };

    private int _retries;

    /// <summary>How many times an operation of this instance was retried after a transient failure (tests check that a fault was met).</summary>
    internal int Retries => Volatile.Read(ref _retries);

    /// <summary>
    /// Retries transient failures for <paramref name="budget"/>; when <paramref name="bounded"/>, a wait between
    /// attempts is also cut short at the end of the budget, so that the whole run ends within it (plus what an
    /// attempt under way at that moment still takes).
    /// </summary>
    private ResiliencePipeline BuildRetry(ulong jitterSeed, TimeSpan budget, bool bounded)
    {
        // Jitter spreads out the reconnects of many clients after a restart; it only moves times, never a result,
        // and comes from the library's own generator rather than a hidden one.
        var jitter = new Rng(jitterSeed);
        var builder = new ResiliencePipelineBuilder { TimeProvider = _options.TimeProvider };
        if (bounded)
            builder.AddTimeout(budget);
        return builder
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)
                    && _options.TimeProvider.GetElapsedTime(args.Context.Properties.GetValue(StartedKey, 0L)) < budget),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromSeconds(5),
                MaxRetryAttempts = int.MaxValue,
                Randomizer = jitter.NextDouble,
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _retries);
                    args.Context.Properties.Set(LastFailureKey, args.Outcome.Exception);
                    return default;
                },
            })
            .Build();
    }

    /// <summary>
    /// Runs <paramref name="work"/> alone on the instance with a fresh connection, again on a new connection after
    /// each transient failure until the retry time (the connect time when <paramref name="opening"/>) is up, and
    /// turns what escapes into a one-line library error.
    /// </summary>
    private T Run<T>(Func<NpgsqlConnection, T> work, bool opening = false)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ResilienceContext context = ResilienceContextPool.Shared.Get();
            context.Properties.Set(StartedKey, _options.TimeProvider.GetTimestamp());
            try
            {
                return (opening ? _connect : _retry).Execute(static (_, state) =>
                {
                    using NpgsqlConnection connection = state.Store._dataSource.OpenConnection();
                    return state.Work(connection);
                }, context, (Store: this, Work: work));
            }
            catch (NpgsqlException e)
            {
                throw Translate(e, opening);
            }
            catch (TimeoutRejectedException e)
            {
                // The connect time ran out during a wait between attempts: what failed is the last attempt.
                throw context.Properties.GetValue(LastFailureKey, null) is NpgsqlException last ? Translate(last, opening) : Unreachable(e.Message, e);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> as every operation runs (retried, errors translated), for tests that look past the interface.</summary>
    internal T RunForTests<T>(Func<NpgsqlConnection, T> work) => Run(work);

    private LibraryException Translate(NpgsqlException e, bool opening)
    {
        string reason = Reason(e);
        if (opening && IsTransient(e))
            return Unreachable(reason, e);
        string message = e switch
        {
            _ when IsTransient(e) => $"gave up on {Location} after retrying for {_options.RetryTime.TotalSeconds:0.#} s: {reason}",
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                $"{Location} refused the login: {reason}",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } => $"{Location} does not allow this: {reason}",
            _ => $"{Location}: {reason}",
        };
        return new LibraryException(PostgresLocation.Redact(message, _password), e);
    }

    /// <summary>The server could not be reached (or would not take a connection) for the whole connect time.</summary>
    private LibraryException Unreachable(string reason, Exception cause)
    {
        string hint = string.IsNullOrEmpty(_options.ConnectTimeHint) ? "" : $"; {_options.ConnectTimeHint}";
        string seconds = _options.ConnectTime.TotalSeconds.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
        return new LibraryException(PostgresLocation.Redact($"cannot reach {Location}: {reason} (gave up after {seconds} s{hint})", _password), cause);
    }

    /// <summary>The server's message, or the driver's with its cause (such as "Connection refused"), on one line.</summary>
    private static string Reason(NpgsqlException e)
    {
        string reason = e is PostgresException server
            ? $"{server.MessageText} ({server.SqlState})"
            : e.InnerException is { } inner && !e.Message.Contains(inner.Message.TrimEnd('.'), StringComparison.Ordinal) ? $"{e.Message}: {inner.Message}" : e.Message;
        return reason.ReplaceLineEndings(" ");
    }
}
