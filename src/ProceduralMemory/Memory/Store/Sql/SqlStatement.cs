namespace ProceduralMemory.Memory.Store.Sql;

/// <summary>
/// A statement and its parameters, to run later or in a batch. A parameter's value may be a ready
/// <see cref="System.Data.Common.DbParameter"/> of the backend (for types ADO.NET cannot name, such as arrays); a <c>null</c> value is
/// SQL NULL, typed by <see cref="SqlValue.Type"/> when the database needs a type.
/// </summary>
public sealed record SqlStatement(string Sql, params SqlValue[] Parameters);
