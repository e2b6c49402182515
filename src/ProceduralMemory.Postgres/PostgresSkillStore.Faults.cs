using System.Data.Common;
using Npgsql;
using Polly;
using Polly.Timeout;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

public sealed partial class PostgresSkillStore
{
    /// <summary>
    /// Runs <paramref name="work"/> once, alone on the instance, with a fresh connection from the instance's pool, and
    /// turns what escapes into a one-line library error (one that <see cref="PostgresRetry.IsTransient"/> still
    /// recognises by its cause).
    /// </summary>
    protected override T Run<T>(Func<DbConnection, T> work)
    {
        lock (Gate)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            try
            {
                using NpgsqlConnection connection = _dataSource.OpenConnection();
                return work(connection);
            }
            catch (NpgsqlException e)
            {
                throw Translate(e);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> as every operation runs (once, errors translated), for tests that look past the interface.</summary>
    internal T RunForTests<T>(Func<NpgsqlConnection, T> work) => Run(connection => work((NpgsqlConnection)connection));

    /// <summary>
    /// Runs opening's <paramref name="work"/> on a new connection after each transient failure until the connect time
    /// is up; a server not reached by then is reported as unreachable.
    /// </summary>
    private void RunOpening(Func<NpgsqlConnection, bool> work)
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get();
        PostgresRetry.Start(context, _options.TimeProvider);
        NpgsqlException? last = null;
        try
        {
            _connect.Execute(static (_, state) =>
            {
                try
                {
                    using NpgsqlConnection connection = state.Store._dataSource.OpenConnection();
                    return state.Work(connection);
                }
                catch (NpgsqlException e)
                {
                    state.Failed(e);
                    throw;
                }
            }, context, (Store: this, Work: work, Failed: (Action<NpgsqlException>)(e => last = e)));
        }
        catch (NpgsqlException e)
        {
            throw PostgresRetry.IsTransient(e) ? Unreachable(Reason(e), e) : Translate(e);
        }
        catch (TimeoutRejectedException e)
        {
            // The connect time ran out during a wait between attempts: what failed is the last attempt.
            throw last is not null ? Unreachable(Reason(last), last) : Unreachable(e.Message, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private LibraryException Translate(NpgsqlException e)
    {
        string reason = Reason(e);
        string message = e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } =>
                $"{Location} refused the login: {reason}",
            PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } => $"{Location} does not allow this: {reason}",
            _ when PostgresRetry.IsTransient(e) => $"lost {Location}: {reason}",
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
