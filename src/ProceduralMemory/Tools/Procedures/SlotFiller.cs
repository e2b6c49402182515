using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// Finds the values a slot may take in a task's text, best first: spans of one of the slot's shapes (the ones the cue
/// words precede first, then in the order the text has them), or the values of an enumerated parameter the text names.
/// The clause the procedure serves is searched before the rest of the text.
/// </summary>
public static class SlotFiller
{
    private const int CueWindow = 3;

    /// <summary>The candidate values of <paramref name="slot"/>, best first.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="clause">The clause the procedure serves.</param>
    /// <param name="text">The whole task text.</param>
    /// <param name="parameter">The schema of the parameter the slot fills, for its <c>enum</c>, if any.</param>
    public static IReadOnlyList<string> Candidates(ProcedureSlot slot, string clause, string text, JsonElement? parameter)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var found = new List<string>();
        foreach (string scope in new[] { clause, text })
        {
            foreach (string value in InScope(slot, scope, parameter))
                if (!found.Contains(value, StringComparer.Ordinal))
                    found.Add(value);
        }
        return found;
    }

    private static IEnumerable<string> InScope(ProcedureSlot slot, string scope, JsonElement? parameter)
    {
        if (parameter is { ValueKind: JsonValueKind.Object } schema && schema.TryGetProperty("enum", out JsonElement options)
            && options.ValueKind == JsonValueKind.Array)
        {
            return options.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String)
                .Select(o => o.GetString()!)
                .Select(o => (Value: o, At: TextMentions.Find(scope, o)))
                .Where(o => o.At >= 0).OrderBy(o => o.At).Select(o => o.Value);
        }
        var spans = new List<(int Cued, int Position, string Value)>();
        foreach (string shape in slot.Shapes)
        {
            foreach (var (position, value) in ValueShape.Find(scope, shape))
            {
                int cued = TextMentions.WordsBefore(scope, position, CueWindow).Count(w => slot.Cues.Contains(w));
                spans.Add((cued, position, value));
            }
        }
        return spans.OrderByDescending(s => s.Cued).ThenBy(s => s.Position).Select(s => s.Value);
    }

    /// <summary>The schema of parameter <paramref name="name"/> of <paramref name="tool"/>, if it declares one.</summary>
    public static JsonElement? ParameterSchema(ToolDefinition? tool, string name) =>
        tool is not null && tool.Parameters.ValueKind == JsonValueKind.Object
        && tool.Parameters.TryGetProperty("properties", out JsonElement properties)
        && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out JsonElement schema)
            ? schema
            : null;

    /// <summary>True when the parameter's schema says it takes an array.</summary>
    public static bool IsArray(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("type", out JsonElement type)
        && type.ValueKind == JsonValueKind.String && type.GetString() == "array";

    /// <summary>A slot value as JSON.</summary>
    public static JsonNode ToJson(string value) => JsonValue.Create(value);
}
