using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// Values seen while explaining a demonstration, by the name they were seen under (an argument's parameter, a
/// result's member); a result that is a bare value (a user id) is kept unnamed, fit for any parameter.
/// </summary>
internal sealed class KnownValues
{
    private readonly Dictionary<string, List<JsonNode>> byName = new(StringComparer.Ordinal);
    private readonly List<JsonNode> unnamed = [];

    public IReadOnlyList<JsonNode> Unnamed => unnamed;

    public IReadOnlyList<JsonNode> Named(string name) => byName.TryGetValue(name, out var values) ? values : [];

    public void AddResult(JsonNode result)
    {
        if (result is JsonValue)
            Add(unnamed, result);
        else
            Walk(null, result);
    }

    private void Walk(string? name, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (member, child) in obj)
                    Walk(member, child);
                break;
            case JsonArray array:
                foreach (JsonNode? element in array)
                    Walk(name, element);
                break;
            case JsonValue when name is not null:
                Add(name, node);
                break;
        }
    }

    private void Add(string name, JsonNode? value)
    {
        if (!byName.TryGetValue(name, out var values))
            byName[name] = values = [];
        Add(values, value);
    }

    private static void Add(List<JsonNode> values, JsonNode? value)
    {
        if (value is JsonValue leaf && leaf.GetValueKind() == JsonValueKind.String && !values.Any(v => JsonNode.DeepEquals(v, leaf)))
            values.Add(leaf.DeepClone());
    }
}
