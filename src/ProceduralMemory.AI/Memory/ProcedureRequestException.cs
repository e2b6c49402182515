namespace ProceduralMemory.AI.Memory;

/// <summary>
/// A request to a <see cref="ProcedureMemory"/> that cannot be carried out as asked (an unknown tool or procedure, an
/// argument that breaks its schema, an empty task); nothing was changed. The MCP server answers it with a tool error,
/// the HTTP API with 400 (or 404 when <see cref="NotFound"/>).
/// </summary>
public sealed class ProcedureRequestException(string message, bool notFound = false) : Exception(message)
{
    /// <summary>True when the request named a procedure the library does not have.</summary>
    public bool NotFound { get; } = notFound;
}
