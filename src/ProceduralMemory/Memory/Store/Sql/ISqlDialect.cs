using System.Data;
using System.Data.Common;

namespace ProceduralMemory.Memory.Store.Sql;

/// <summary>
/// What differs between the databases <see cref="SqlSkillStore"/> writes to: where the tables are, how policies are
/// laid out, how a transaction is begun and locked, and which error is a counter pushed out of range. Everything
/// else (the statements, parameters written <c>@name</c>, the commit sequence) is shared.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The name statements use for the library's table <paramref name="name"/> (qualified by a schema where the library has one).</summary>
    string Table(string name);

    /// <summary>
    /// True when a skill's policy is four columns of <c>skills</c> (<c>policy_kind, policy_shape, policy_checksum,
    /// policy</c>); false when it is a row of its own table <c>policies (skill_id, kind, shape, checksum, data)</c>.
    /// </summary>
    bool PoliciesInSkillTable { get; }

    /// <summary>Begins a read: one consistent snapshot for all its statements, taking no write lock.</summary>
    DbTransaction BeginRead(DbConnection connection);

    /// <summary>Begins a write; with <see cref="LockMeta"/> it serialises the library's writers.</summary>
    DbTransaction BeginWrite(DbConnection connection);

    /// <summary>
    /// Appended to the query of the meta row that opens every write: a row lock (<c>FOR UPDATE</c>) where beginning
    /// the transaction did not already take the database's write lock, else empty.
    /// </summary>
    string LockMeta { get; }

    /// <summary>Whether <paramref name="error"/> is a check or range violation: a counter the write would push out of range.</summary>
    bool IsCounterOverflow(DbException error);
}
