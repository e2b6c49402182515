using Npgsql;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>A database of its own for one test, created on the test server and dropped (with any connections left) on dispose.</summary>
internal sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        PostgresServer.Scalar(null, $"CREATE DATABASE {Name}");
        ConnectionString = PostgresServer.Settings(Name).ConnectionString;
    }

    /// <summary>A fresh name (lower case, so it needs no quoting).</summary>
    public string Name { get; } = "procmem_test_" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>The test server's connection string with this database.</summary>
    public string ConnectionString { get; }

    /// <summary>Runs <paramref name="sql"/> in this database and returns the first value.</summary>
    public object? Scalar(string sql) => PostgresServer.Scalar(Name, sql);

    public void Dispose()
    {
        PostgresServer.Scalar(null, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }
}
