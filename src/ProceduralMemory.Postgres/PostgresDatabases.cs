using System.Text.RegularExpressions;
using Npgsql;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Postgres;

/// <summary>
/// Databases made on a server for libraries of their own, e.g. one per run of an experiment, so that every run
/// starts from an empty library.
/// </summary>
public static partial class PostgresDatabases
{
    /// <summary>
    /// Drops database <paramref name="name"/> on the server <paramref name="server"/> names (if it exists, cutting its
    /// connections) and creates it empty; returns <paramref name="server"/>'s location with that database. Needs the
    /// right to create databases.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not lower-case letters, digits and underscores, starting with a letter.</exception>
    /// <exception cref="LibraryException">The server cannot be reached, or refuses (the message never contains the password).</exception>
    public static string Recreate(string server, string name)
    {
        // Identifiers cannot be parameters; a name this plain needs no quoting and cannot inject anything.
        if (!PlainName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain database name (a-z, 0-9 and _, starting with a letter, at most 63).", nameof(name));
        NpgsqlConnectionStringBuilder settings = PostgresLocation.Parse(server);
        try
        {
            using var connection = new NpgsqlConnection(settings.ConnectionString);
            connection.Open();
            foreach (string sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}" })
            {
                using var command = new NpgsqlCommand(sql, connection);
                command.ExecuteNonQuery();
            }
        }
        catch (NpgsqlException e)
        {
            throw new LibraryException(PostgresLocation.Redact(
                $"cannot make database {name} on {PostgresLocation.Describe(settings)}: {e.Message.ReplaceLineEndings(" ")}", settings.Password), e);
        }
        settings.Database = name;
        return settings.ConnectionString;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
