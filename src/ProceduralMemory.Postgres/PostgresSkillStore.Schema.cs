using System.Data;
using Npgsql;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

public sealed partial class PostgresSkillStore
{
    // Read-only: what the procmem schema is (absent, ours by its comment, empty, or someone else's) and whether it is versioned.
    private const string IdentitySql = """
        SELECT n.oid IS NOT NULL,
               obj_description(n.oid, 'pg_namespace'),
               EXISTS (SELECT 1 FROM pg_class WHERE relnamespace = n.oid)
                   OR EXISTS (SELECT 1 FROM pg_proc WHERE pronamespace = n.oid)
                   OR EXISTS (SELECT 1 FROM pg_type WHERE typnamespace = n.oid),
               to_regclass('procmem.schema_version') IS NOT NULL
        FROM (SELECT 1) AS one LEFT JOIN pg_namespace AS n ON n.nspname = 'procmem'
        """;

    /// <summary>What opening does on a fresh connection: check the schema, build or upgrade it when writing, read the manifest.</summary>
    private bool Prepare(NpgsqlConnection connection)
    {
        (PostgresSchemaKind kind, int version) = Identify(connection, null);
        Check(kind, version);
        // An up-to-date library needs no write transaction, so opening it never queues behind another writer.
        if (!IsReadOnly && !(kind == PostgresSchemaKind.Library && version == PostgresSchema.CurrentVersion))
            SetUpSchema(connection);
        RefreshManifest(connection, null);
        return true;
    }

    /// <summary>What the database's <c>procmem</c> schema is, and its version when it is a library; reads only.</summary>
    internal static (PostgresSchemaKind Kind, int Version) Identify(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        bool present, hasObjects, versioned;
        string? comment;
        using (NpgsqlCommand command = new(IdentitySql, connection, transaction))
        using (NpgsqlDataReader reader = command.ExecuteReader())
        {
            reader.Read();
            (present, comment, hasObjects, versioned) =
                (reader.GetBoolean(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3));
        }
        if (!present || (comment is null && !hasObjects))
            return (PostgresSchemaKind.Blank, 0);
        if (comment != PostgresSchema.Marker)
            return (PostgresSchemaKind.Foreign, 0);
        if (!versioned)
            return (PostgresSchemaKind.Library, 0);
        using NpgsqlCommand max = new("SELECT coalesce(max(version), 0) FROM procmem.schema_version", connection, transaction);
        return (PostgresSchemaKind.Library, Convert.ToInt32(max.ExecuteScalar()));
    }

    private void Check(PostgresSchemaKind kind, int version)
    {
        int current = PostgresSchema.CurrentVersion;
        string? problem = (kind, version) switch
        {
            (PostgresSchemaKind.Foreign, _) => $"{Location} is not a procmem library (its schema '{PostgresSchema.Name}' belongs to another application)",
            (PostgresSchemaKind.Library, <= 0) => $"{Location} is a damaged procmem library (it has no schema version)",
            (PostgresSchemaKind.Library, _) when version > current =>
                $"{Location} was written by a newer procmem (schema {version}, this build reads up to {current})",
            (PostgresSchemaKind.Library, _) when version < current && IsReadOnly =>
                $"{Location} has library schema {version}; open it once for writing (procmem skills upgrade does) to upgrade it to schema {current}",
            (PostgresSchemaKind.Blank, _) when IsReadOnly => $"no library at {Location}",
            _ => null,
        };
        if (problem is not null)
            throw new LibraryException(problem);
    }

    private void SetUpSchema(NpgsqlConnection connection)
    {
        using NpgsqlTransaction transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgresSchema.MigrationLock})");
        // Another process may have created or upgraded the library while this one waited: decide again under the lock.
        (PostgresSchemaKind kind, int version) = Identify(connection, transaction);
        Check(kind, version);
        Migrate(connection, transaction, kind == PostgresSchemaKind.Library ? version : 0, PostgresSchema.CurrentVersion);
        transaction.Commit();
    }

    /// <summary>Runs the migrations after <paramref name="from"/> up to <paramref name="to"/> in <paramref name="transaction"/> (tests stop early to make old libraries).</summary>
    internal static void Migrate(NpgsqlConnection connection, NpgsqlTransaction transaction, int from, int to)
    {
        if (from == 0)
        {
            Execute(connection, transaction, "CREATE SCHEMA IF NOT EXISTS procmem");
            Execute(connection, transaction, $"COMMENT ON SCHEMA procmem IS '{PostgresSchema.Marker}'");
        }
        foreach (PostgresMigration migration in PostgresSchema.Migrations.Where(m => m.Version > from && m.Version <= to))
        {
            Execute(connection, transaction, migration.Sql);
            using NpgsqlCommand record = new("INSERT INTO procmem.schema_version (version, description) VALUES (@version, @description)",
                connection, transaction);
            record.Parameters.AddWithValue("version", migration.Version);
            record.Parameters.AddWithValue("description", migration.Description);
            record.ExecuteNonQuery();
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using NpgsqlCommand command = new(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
