using System.Diagnostics;
using Npgsql;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests run against: <c>PROCMEM_TEST_POSTGRES</c> is a connection string to a server where
/// the tests may create databases, and <c>PROCMEM_TEST_POSTGRES_RESTART</c> a shell command that restarts it
/// (<c>.ci/postgres.sh</c> starts a throwaway server and prints both). Without a server the tests are skipped, except
/// on CI (<c>CI=true</c>), where they fail: CI must test the store for real.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "PROCMEM_TEST_POSTGRES";
    public const string RestartVariable = "PROCMEM_TEST_POSTGRES_RESTART";

    private static string? Configured => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A loopback port no server listens on (one the system just handed out, closed again): a server that is down.</summary>
    public static int ClosedLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Why server tests are skipped here, or <c>null</c> when they run (a server is configured, or this is CI).</summary>
    public static string? SkipReason =>
        Configured is not null || OnCi ? null : $"{Variable} is not set: no PostgreSQL server to test against (start one with .ci/postgres.sh)";

    /// <summary>Why the restart test is skipped here (no restart command, not CI), or <c>null</c> when it runs.</summary>
    public static string? RestartSkipReason => SkipReason
        ?? (Environment.GetEnvironmentVariable(RestartVariable) is { Length: > 0 } || OnCi ? null : $"{RestartVariable} is not set: no command to restart the test server");

    /// <summary>The configured connection string.</summary>
    /// <exception cref="InvalidOperationException">None is configured (only reached on CI, where that is a failure).</exception>
    public static string ConnectionString => Configured
        ?? throw new InvalidOperationException($"{Variable} is not set, but CI=true: CI must provide a PostgreSQL server (.ci/run starts one with .ci/postgres.sh)");

    /// <summary>The configured settings, with pooling off so that no idle connection outlives a test.</summary>
    public static NpgsqlConnectionStringBuilder Settings(string? database = null)
    {
        var settings = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        if (database is not null)
            settings.Database = database;
        return settings;
    }

    /// <summary>The password of the configured login (empty when it has none).</summary>
    public static string Password => Settings().Password ?? "";

    /// <summary>Runs <c>PROCMEM_TEST_POSTGRES_RESTART</c>, which returns once the server accepts connections again.</summary>
    public static void Restart()
    {
        string command = Environment.GetEnvironmentVariable(RestartVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{RestartVariable} is not set: the restart test needs a command that restarts the server");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardError = true })!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{RestartVariable} failed with exit code {process.ExitCode}: {errors}");
    }

    /// <summary>Runs <paramref name="sql"/> on <paramref name="database"/> (the configured one when null) and returns the first value.</summary>
    public static object? Scalar(string? database, string sql)
    {
        NpgsqlConnectionStringBuilder settings = Settings(database);
        // The tests' own checks wait longer than Npgsql's 15 s to connect: on a loaded 2-core machine, a server just
        // restarted (the restart test) was measured taking longer to accept a connection.
        settings.Timeout = 60;
        using var connection = new NpgsqlConnection(settings.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        object? value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
