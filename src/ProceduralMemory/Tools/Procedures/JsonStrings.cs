using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>The string values anywhere in a JSON value: what a text can name of a result or of a call's arguments.</summary>
internal static class JsonStrings
{
    /// <summary>Every string leaf of <paramref name="node"/>, in document order.</summary>
    public static IEnumerable<string> Of(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Of(p.Value)),
        JsonArray array => array.SelectMany(Of),
        JsonValue leaf when leaf.GetValueKind() == JsonValueKind.String => [leaf.GetValue<string>()],
        _ => [],
    };
}
