using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>Reading records as the reference's Python reads dicts: a missing key fails with its <c>KeyError</c> text.</summary>
internal static class TauJson
{
    /// <summary><c>obj[key]</c>: the value, or the <c>KeyError</c> the reference raises.</summary>
    public static JsonNode? At(this JsonNode? node, string key)
    {
        if (node is JsonObject obj && obj.TryGetPropertyValue(key, out JsonNode? value))
            return value;
        throw new TauToolException($"'{key}'");
    }

    /// <summary><c>obj[key]</c> as an object.</summary>
    public static JsonObject Obj(this JsonNode? node, string key) =>
        node.At(key) as JsonObject ?? throw new TauToolException($"'{key}' is not an object");

    /// <summary><c>obj[key]</c> as a list.</summary>
    public static JsonArray Arr(this JsonNode? node, string key) =>
        node.At(key) as JsonArray ?? throw new TauToolException($"'{key}' is not a list");

    /// <summary><c>obj[key]</c> as a string (null for a non-string).</summary>
    public static string? Str(this JsonNode? node, string key) =>
        node.At(key) is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary><c>obj[key]</c> as a number.</summary>
    public static PythonNumber Num(this JsonNode? node, string key) =>
        PythonNumber.From(node.At(key)) ?? throw new TauToolException($"'{key}' is not a number");

    /// <summary><c>obj[key]</c> as a truth value, as Python's <c>if</c> judges it.</summary>
    public static bool Truthy(this JsonNode? node, string key) => node.At(key) switch
    {
        null => false,
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when PythonNumber.From(v) is PythonNumber n => n.Value != 0,
        JsonValue v when v.TryGetValue(out string? s) => s.Length > 0,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        _ => true,
    };

    /// <summary>Python's <c>str(value)</c> for the scalars the reference puts in its messages (<c>None</c>, <c>True</c>, numbers, text).</summary>
    public static string PyStr(JsonNode? value) => value switch
    {
        null => "None",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.TryGetValue(out bool b) => b ? "True" : "False",
        JsonValue v when PythonNumber.From(v) is PythonNumber n => n.ToString(),
        _ => PythonJson.Dumps(value),
    };

    /// <summary>A new object of the given properties, in order.</summary>
    public static JsonObject Object(params (string Key, JsonNode? Value)[] properties)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in properties)
            obj[key] = value;
        return obj;
    }
}
