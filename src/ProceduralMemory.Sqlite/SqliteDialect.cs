using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store.Sql;

namespace ProceduralMemory.Sqlite;

/// <summary>
/// SQLite's side of the shared store: tables without a schema, policies in their own table, writes as
/// <c>BEGIN IMMEDIATE</c> (the file's write lock, so the meta row needs no lock of its own) and reads as deferred
/// transactions; a check constraint fails as <c>SQLITE_CONSTRAINT</c>.
/// </summary>
internal sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Table(string name) => name;

    public bool PoliciesInSkillTable => false;

    public DbTransaction BeginRead(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: true);

    public DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable, deferred: false);

    public string LockMeta => "";

    public bool IsCounterOverflow(DbException error) => error is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT };
}
