using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProceduralMemory.AI.Memory;

/// <summary>
/// The JSON every surface writes and reads (the MCP server's results, the HTTP API, the middleware's guidance):
/// snake_case names (<c>success_rate</c>, <c>procedure_id</c>), nulls left out.
/// </summary>
public static class ProcedureJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
