using System.Buffers.Binary;
using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Sqlite;

/// <summary>
/// What a file is, found out without writing to it: first its raw header bytes (so a text file or random bytes never
/// reach SQLite), then, through a connection, its application id, tables and schema version.
/// </summary>
/// <param name="Kind">Blank, a library, or another application's database.</param>
/// <param name="Version">The library's schema version (0 unless <see cref="SqliteFileKind.Library"/>).</param>
/// <param name="ApplicationId">The file's <c>PRAGMA application_id</c>.</param>
internal readonly record struct SqliteFileIdentity(SqliteFileKind Kind, int Version, int ApplicationId)
{
    private const int HeaderSize = 100;
    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>
    /// False when there is no file at <paramref name="path"/> or it is empty (both count as a new library); true
    /// when its header is an SQLite header of a file long enough for the pages it claims.
    /// </summary>
    /// <exception cref="LibraryException">The file is not an SQLite database, or is truncated.</exception>
    public static bool HasContent(string path)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        long length;
        int read = 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = stream.Length;
            while (read < HeaderSize && stream.Read(header[read..]) is var n and > 0)
                read += n;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LibraryException($"cannot read {path}: {e.Message}", e);
        }
        if (length == 0)
            return false;
        if (read < HeaderSize || !header[..Magic.Length].SequenceEqual(Magic))
            throw new LibraryException($"{path} is not a procmem library (not an SQLite database)");

        // The header's page count is trustworthy only when its "version-valid-for" matches the change counter.
        int pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]) is var size && size == 1 ? 65536 : size;
        uint pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        bool pagesValid = pages > 0 && BinaryPrimitives.ReadUInt32BigEndian(header[92..]) == BinaryPrimitives.ReadUInt32BigEndian(header[24..]);
        long expected = pagesValid ? pages * (long)pageSize : pageSize;
        if (length < expected)
            throw new LibraryException($"{path} is truncated ({length} bytes; its header says {expected})");
        return true;
    }

    /// <summary>Reads what the database open on <paramref name="connection"/> is; reads only.</summary>
    public static SqliteFileIdentity Of(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        int applicationId = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA application_id"));
        if (applicationId == SqliteSchema.ApplicationId)
        {
            bool versioned = Convert.ToInt64(Scalar(connection, transaction,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'")) > 0;
            int version = versioned
                ? Convert.ToInt32(Scalar(connection, transaction, "SELECT coalesce(max(version), 0) FROM schema_version"))
                : 0;
            return new SqliteFileIdentity(SqliteFileKind.Library, version, applicationId);
        }
        bool empty = Convert.ToInt64(Scalar(connection, transaction, "SELECT count(*) FROM sqlite_schema")) == 0;
        return new SqliteFileIdentity(applicationId == 0 && empty ? SqliteFileKind.Blank : SqliteFileKind.Foreign, 0, applicationId);
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
