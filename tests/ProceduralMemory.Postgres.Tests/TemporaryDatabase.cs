using Npgsql;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>A database of its own for one test, created on the test server and dropped (with any connections left) on dispose.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    private readonly string _passfile = Path.Combine(Path.GetTempPath(), $"procmem-pgpass-{Guid.NewGuid():N}");

    public TemporaryDatabase()
    {
        PostgresServer.Scalar(null, $"CREATE DATABASE {Name}");
        NpgsqlConnectionStringBuilder settings = PostgresServer.Settings(Name);
        ConnectionString = settings.ConnectionString;
        // A passfile line is host:port:database:user:password, with ':' and '\' escaped by a backslash.
        string password = (settings.Password ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);
        File.WriteAllText(_passfile, $"*:*:*:*:{password}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(_passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        settings.Password = null;
        settings.Passfile = _passfile;
        CommandLineLocation = settings.ConnectionString;
    }

    /// <summary>A fresh name (lower case, so it needs no quoting).</summary>
    public string Name { get; } = "procmem_test_" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>The test server's connection string with this database.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// The connection string without the password, which is in a passfile of its own instead: how a location is given
    /// on procmem's command line, which refuses passwords.
    /// </summary>
    public string CommandLineLocation { get; }

    /// <summary>Runs <paramref name="sql"/> in this database and returns the first value.</summary>
    public object? Scalar(string sql) => PostgresServer.Scalar(Name, sql);

    public void Dispose()
    {
        PostgresServer.Scalar(null, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
        File.Delete(_passfile);
    }
}
