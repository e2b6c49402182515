using System.Text.Json;
using System.Text.RegularExpressions;

namespace ProceduralMemory.Tools.Traces;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema that tool parameter schemas use: <c>type</c> (a name or an
/// array of names), <c>properties</c>, <c>required</c>, <c>additionalProperties</c> (false or a schema),
/// <c>items</c>, <c>enum</c>, <c>const</c>, <c>minimum</c>/<c>maximum</c>, <c>minItems</c>/<c>maxItems</c>,
/// <c>minLength</c>/<c>maxLength</c>, <c>pattern</c>, <c>anyOf</c> and <c>oneOf</c>. Other keywords (such as
/// <c>description</c>, <c>format</c> or <c>$ref</c>) are ignored, so a schema using them is checked only on the
/// keywords above.
/// </summary>
public static class JsonSchemaChecker
{
    // A pathological pattern must not hang the reader of a user's file.
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Returns the first violation of <paramref name="schema"/> by <paramref name="value"/>, or null when it conforms.</summary>
    /// <param name="schema">The schema, a JSON object (or <c>true</c>, which accepts anything).</param>
    /// <param name="value">The value to check.</param>
    /// <param name="path">The JSON path of <paramref name="value"/>, used in the violation.</param>
    public static SchemaViolation? Check(JsonElement schema, JsonElement value, string path = "$")
    {
        if (schema.ValueKind == JsonValueKind.True || schema.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            return new SchemaViolation(path, "no value is allowed here");
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var names = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
                : type.ValueKind == JsonValueKind.String ? [type.GetString()!] : [];
            if (names.Count > 0 && !names.Any(n => HasType(value, n)))
            {
                return new SchemaViolation(path, $"expected {string.Join(" or ", names.Select(Article))}, got {Describe(value)}");
            }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            return new SchemaViolation(path, $"expected {constant.GetRawText()}, got {Short(value)}");
        }

        if (schema.TryGetProperty("enum", out var options) && options.ValueKind == JsonValueKind.Array
            && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
        {
            return new SchemaViolation(path, $"{Short(value)} is not one of {string.Join(", ", options.EnumerateArray().Select(o => o.GetRawText()))}");
        }

        var violation = value.ValueKind switch
        {
            JsonValueKind.Number => CheckNumber(schema, value, path),
            JsonValueKind.String => CheckString(schema, value, path),
            JsonValueKind.Array => CheckArray(schema, value, path),
            JsonValueKind.Object => CheckObject(schema, value, path),
            _ => null,
        };
        return violation ?? CheckCombinators(schema, value, path);
    }

    private static SchemaViolation? CheckNumber(JsonElement schema, JsonElement value, string path)
    {
        var hasMin = schema.TryGetProperty("minimum", out var min) && min.TryGetDouble(out _);
        var hasMax = schema.TryGetProperty("maximum", out var max) && max.TryGetDouble(out _);
        if (!hasMin && !hasMax)
        {
            return null;
        }

        // GetDouble throws on a number beyond double's range (1e400); a user's file must get a violation, not a crash.
        if (!value.TryGetDouble(out var number))
        {
            return new SchemaViolation(path, $"{Short(value)} is too large to compare with the schema's bounds");
        }

        if (hasMin && number < min.GetDouble())
        {
            return new SchemaViolation(path, $"{value.GetRawText()} is less than the minimum {min.GetRawText()}");
        }

        if (hasMax && number > max.GetDouble())
        {
            return new SchemaViolation(path, $"{value.GetRawText()} is more than the maximum {max.GetRawText()}");
        }

        return null;
    }

    private static SchemaViolation? CheckString(JsonElement schema, JsonElement value, string path)
    {
        var text = value.GetString()!;
        // JSON Schema counts characters as code points, not UTF-16 units.
        var length = text.EnumerateRunes().Count();
        if (TryGetCount(schema, "minLength", out var minLength) && length < minLength)
        {
            return new SchemaViolation(path, $"string of length {length} is shorter than minLength {minLength}");
        }

        if (TryGetCount(schema, "maxLength", out var maxLength) && length > maxLength)
        {
            return new SchemaViolation(path, $"string of length {length} is longer than maxLength {maxLength}");
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String)
        {
            bool matches;
            try
            {
                matches = Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, PatternTimeout);
            }
            catch (ArgumentException)
            {
                return new SchemaViolation(path, $"the schema's pattern {pattern.GetRawText()} is not a valid regular expression");
            }
            catch (RegexMatchTimeoutException)
            {
                return new SchemaViolation(path, $"matching the pattern {pattern.GetRawText()} timed out");
            }

            if (!matches)
            {
                return new SchemaViolation(path, $"{Short(value)} does not match the pattern {pattern.GetRawText()}");
            }
        }

        return null;
    }

    private static SchemaViolation? CheckArray(JsonElement schema, JsonElement value, string path)
    {
        var count = value.GetArrayLength();
        if (TryGetCount(schema, "minItems", out var minItems) && count < minItems)
        {
            return new SchemaViolation(path, $"array of {count} items has fewer than minItems {minItems}");
        }

        if (TryGetCount(schema, "maxItems", out var maxItems) && count > maxItems)
        {
            return new SchemaViolation(path, $"array of {count} items has more than maxItems {maxItems}");
        }

        if (schema.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.Object or JsonValueKind.False)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var violation = Check(items, item, $"{path}[{index}]");
                if (violation is not null)
                {
                    return violation;
                }

                index++;
            }
        }

        return null;
    }

    private static SchemaViolation? CheckObject(JsonElement schema, JsonElement value, string path)
    {
        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    return new SchemaViolation(path, $"missing required property \"{name}\"");
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            var childPath = ChildPath(path, property.Name);
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                var violation = Check(propertySchema, property.Value, childPath);
                if (violation is not null)
                {
                    return violation;
                }
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                return new SchemaViolation(childPath, $"property \"{property.Name}\" is not allowed");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                var violation = Check(additional, property.Value, childPath);
                if (violation is not null)
                {
                    return violation;
                }
            }
        }

        return null;
    }

    private static SchemaViolation? CheckCombinators(JsonElement schema, JsonElement value, string path)
    {
        if (schema.TryGetProperty("anyOf", out var anyOf) && anyOf.ValueKind == JsonValueKind.Array)
        {
            if (!anyOf.EnumerateArray().Any(s => Check(s, value, path) is null))
            {
                return new SchemaViolation(path, $"{Short(value)} matches none of the anyOf schemas");
            }
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.ValueKind == JsonValueKind.Array)
        {
            var matching = oneOf.EnumerateArray().Count(s => Check(s, value, path) is null);
            if (matching != 1)
            {
                return new SchemaViolation(path, matching == 0
                    ? $"{Short(value)} matches none of the oneOf schemas"
                    : $"{Short(value)} matches {matching} of the oneOf schemas, expected exactly one");
            }
        }

        return null;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        // JSON Schema counts 1.0 as an integer: the test is the value, not how it is written.
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && Math.Floor(d) == d && !double.IsInfinity(d),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        // An unknown type name constrains nothing, like any unknown keyword.
        _ => true,
    };

    private static bool TryGetCount(JsonElement schema, string keyword, out int count)
    {
        count = 0;
        return schema.TryGetProperty(keyword, out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out count);
    }

    private static string Article(string type) => type switch
    {
        "object" or "array" or "integer" => "an " + type,
        "null" => "null",
        _ => "a " + type,
    };

    /// <summary>Describes the JSON type of a value as a violation names it, such as "a number".</summary>
    /// <param name="value">The value.</param>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>The JSON path of a property of the value at <paramref name="path"/>: <c>$.name</c>, or <c>$["odd name"]</c> when the name is not an identifier.</summary>
    /// <param name="path">The parent's path.</param>
    /// <param name="name">The property name.</param>
    public static string ChildPath(string path, string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? $"{path}.{name}"
            : $"{path}[{JsonSerializer.Serialize(name)}]";
}
