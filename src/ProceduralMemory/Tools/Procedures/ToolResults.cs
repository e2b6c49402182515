using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>A tool's output as JSON: parsed when it is JSON text, else the text itself as a JSON string (a tool that returns a bare id).</summary>
public static class ToolResults
{
    /// <summary>The output of <paramref name="result"/> as a JSON node; null for an error.</summary>
    public static JsonNode? Parse(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsError)
            return null;
        string text = result.Output.TrimStart();
        if (text.Length > 0 && text[0] is '{' or '[')
        {
            try
            {
                return JsonNode.Parse(result.Output);
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the text.
            }
        }
        return JsonValue.Create(result.Output);
    }
}
