using System.Globalization;
using System.Text.Json;

namespace ProceduralMemory.AI.Mcp;

/// <summary>
/// The subset of JSON Schema the tools' input schemas use (<c>type</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties: false</c>, <c>items</c>, <c>minimum</c>, <c>minLength</c>), checked here so the schema a client
/// reads is the very one its arguments are held to.
/// </summary>
internal static class ToolSchema
{
    /// <summary>The first way <paramref name="value"/> breaks <paramref name="schema"/>, or null when it does not.</summary>
    public static string? Violation(JsonElement schema, JsonElement value, string path)
    {
        if (schema.TryGetProperty("type", out JsonElement type) && !HasType(value, type.GetString()!))
            return $"{path} must be {Article(type.GetString()!)}, not {Describe(value)}";
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (schema.TryGetProperty("required", out JsonElement required))
                    foreach (JsonElement name in required.EnumerateArray())
                        if (!value.TryGetProperty(name.GetString()!, out _))
                            return $"{path}.{name.GetString()} is required";
                bool closed = schema.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.False;
                schema.TryGetProperty("properties", out JsonElement properties);
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out JsonElement inner))
                    {
                        if (Violation(inner, property.Value, $"{path}.{property.Name}") is { } violation)
                            return violation;
                    }
                    else if (closed)
                        return $"{path} has an unknown property '{property.Name}'";
                }
                return null;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("items", out JsonElement items))
                {
                    int i = 0;
                    foreach (JsonElement item in value.EnumerateArray())
                        if (Violation(items, item, $"{path}[{i++}]") is { } violation)
                            return violation;
                }
                return null;
            case JsonValueKind.Number:
                if (schema.TryGetProperty("minimum", out JsonElement minimum) && value.GetDouble() < minimum.GetDouble())
                    return $"{path} must be at least {minimum.GetRawText()}, not {value.GetRawText()}";
                return null;
            case JsonValueKind.String:
                if (schema.TryGetProperty("minLength", out JsonElement minLength) && value.GetString()!.Trim().Length < minLength.GetInt32())
                    return string.Create(CultureInfo.InvariantCulture, $"{path} must have at least {minLength.GetInt32()} non-blank character(s)");
                return null;
            default:
                return null;
        }
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        // An integer is a number without a fraction (2.0 is one, as JSON Schema says); it must also fit an int.
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue,
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => true,
    };

    private static string Article(string type) => type is "object" or "array" or "integer" ? "an " + type : "a " + type;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "the number " + value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
