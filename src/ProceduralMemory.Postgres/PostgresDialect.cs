using System.Data;
using System.Data.Common;
using Npgsql;
using ProceduralMemory.Memory.Store.Sql;

namespace ProceduralMemory.Postgres;

/// <summary>
/// PostgreSQL's side of the shared store: tables in the <c>procmem</c> schema, policies as columns of
/// <c>skills</c>, writes in READ COMMITTED that lock the meta row (<c>FOR UPDATE</c>, so writers are serialised and
/// the change number is exact), reads in one REPEATABLE READ snapshot; a counter out of range fails a check or
/// overflows an integer.
/// </summary>
internal sealed class PostgresDialect : ISqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public string Table(string name) => $"{PostgresSchema.Name}.{name}";

    public bool PoliciesInSkillTable => true;

    public DbTransaction BeginRead(DbConnection connection) => connection.BeginTransaction(IsolationLevel.RepeatableRead);

    public DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.ReadCommitted);

    public string LockMeta => " FOR UPDATE";

    public bool IsCounterOverflow(DbException error) =>
        error is PostgresException { SqlState: PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NumericValueOutOfRange };
}
