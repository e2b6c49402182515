using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>A call's arguments, read the way the reference's tools use them; a value of the wrong kind reads as absent.</summary>
internal sealed class TauArguments(JsonObject values)
{
    /// <summary>The arguments as given.</summary>
    public JsonObject Values { get; } = values;

    /// <summary>A string argument, or null when it is not a string.</summary>
    public string? Text(string name) => Values[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>A number argument (an int or a float).</summary>
    public PythonNumber Number(string name) =>
        PythonNumber.From(Values[name]) ?? throw new TauToolException($"'{name}' must be a number");

    /// <summary>A list of strings.</summary>
    public List<string> Texts(string name)
    {
        if (Values[name] is not JsonArray array)
            throw new TauToolException($"'{name}' must be a list");
        return [.. array.Select(n => n is JsonValue v && v.TryGetValue(out string? s) ? s : n?.ToJsonString() ?? "None")];
    }

    /// <summary>A list of objects, copied so the database never shares nodes with the call.</summary>
    public List<JsonObject> Objects(string name)
    {
        if (Values[name] is not JsonArray array || array.Any(n => n is not JsonObject))
            throw new TauToolException($"'{name}' must be a list of objects");
        return [.. array.Select(n => (JsonObject)n!.DeepClone())];
    }
}
