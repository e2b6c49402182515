using System.Data;
using System.Data.Common;

namespace ProceduralMemory.Memory.Store.Sql;

/// <summary>A named parameter value (<c>@name</c> in the statement).</summary>
public readonly record struct SqlValue(string Name, object? Value, DbType? Type = null)
{
    /// <summary>Adds this value to <paramref name="parameters"/>, making the parameter with <paramref name="create"/>.</summary>
    internal void AddTo(DbParameterCollection parameters, Func<DbParameter> create)
    {
        if (Value is DbParameter ready)
        {
            parameters.Add(ready);
            return;
        }
        DbParameter parameter = create();
        parameter.ParameterName = Name;
        parameter.Value = Value ?? DBNull.Value;
        if (Type is { } type)
            parameter.DbType = type;
        parameters.Add(parameter);
    }

    /// <summary>A value whose type the database infers.</summary>
    public static implicit operator SqlValue((string Name, object? Value) pair) => new(pair.Name, pair.Value);
}
