using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// JSON read and written as Python's <c>json</c> module does: numbers keep their int or float kind, and writing follows
/// <c>json.dumps</c> (its escaping, its float text, optional sorted keys and compact separators).
/// </summary>
public static class PythonJson
{
    /// <summary>Parses JSON text into nodes whose numbers are longs (written without a point) or doubles (with one).</summary>
    public static JsonNode? Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromElement(document.RootElement);
    }

    /// <summary>Converts an element into nodes with Python's number kinds, keeping the order of keys.</summary>
    public static JsonNode? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (JsonProperty property in element.EnumerateObject())
                    obj[property.Name] = FromElement(property.Value);
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (JsonElement item in element.EnumerateArray())
                    array.Add(FromElement(item));
                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.Number:
                string raw = element.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0 && long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long i))
                    return JsonValue.Create(i);
                return JsonValue.Create(element.GetDouble());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    /// <summary>Python's <c>==</c> on the loaded values: numbers compare by value whatever their kind (<c>9 == 9.0</c>), dicts ignore key order.</summary>
    public static bool ValueEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject x, JsonObject y):
                if (x.Count != y.Count)
                    return false;
                foreach (var (key, value) in x)
                    if (!y.TryGetPropertyValue(key, out JsonNode? other) || !ValueEquals(value, other))
                        return false;
                return true;
            case (JsonArray x, JsonArray y):
                if (x.Count != y.Count)
                    return false;
                for (int i = 0; i < x.Count; i++)
                    if (!ValueEquals(x[i], y[i]))
                        return false;
                return true;
            case (JsonValue x, JsonValue y):
                if (PythonNumber.From(x) is PythonNumber m && PythonNumber.From(y) is PythonNumber n)
                    return m.IsInt && n.IsInt ? m.Int == n.Int : m.Value == n.Value;
                x.TryGetValue(out object? p);
                y.TryGetValue(out object? q);
                return Equals(p, q);
            default:
                return false;
        }
    }

    /// <summary><c>json.dumps(node)</c> with the defaults: keys as they are, <c>", "</c> and <c>": "</c>, non-ASCII escaped.</summary>
    public static string Dumps(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, sortKeys: false, compact: false, ensureAscii: true);
        return text.ToString();
    }

    /// <summary><c>json.dumps(node, sort_keys=True, separators=(",", ":"), ensure_ascii=False)</c>, the digest's form.</summary>
    public static string DumpsCanonical(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, sortKeys: true, compact: true, ensureAscii: false);
        return text.ToString();
    }

    /// <summary>Writes <paramref name="node"/> as <c>json.dumps</c> would with the given options.</summary>
    public static void Write(StringBuilder text, JsonNode? node, bool sortKeys, bool compact, bool ensureAscii)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                text.Append('{');
                IEnumerable<KeyValuePair<string, JsonNode?>> properties = sortKeys ? obj.OrderBy(p => p.Key, CodePointComparer.Instance) : obj;
                bool first = true;
                foreach (var (key, value) in properties)
                {
                    if (!first)
                        text.Append(compact ? "," : ", ");
                    first = false;
                    WriteString(text, key, ensureAscii);
                    text.Append(compact ? ":" : ": ");
                    Write(text, value, sortKeys, compact, ensureAscii);
                }
                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                        text.Append(compact ? "," : ", ");
                    Write(text, array[i], sortKeys, compact, ensureAscii);
                }
                text.Append(']');
                break;
            case JsonValue value:
                value.TryGetValue(out object? boxed);
                switch (boxed)
                {
                    case string s:
                        WriteString(text, s, ensureAscii);
                        break;
                    case bool b:
                        text.Append(b ? "true" : "false");
                        break;
                    case long or int or double:
                        PythonNumber n = PythonNumber.From(value)!.Value;
                        text.Append(n.IsInt ? n.Int.ToString(CultureInfo.InvariantCulture) : FloatText(n.Float));
                        break;
                    default:
                        throw new InvalidOperationException($"Cannot write {value.ToJsonString()} as Python JSON.");
                }
                break;
        }
    }

    private static string FloatText(double x) =>
        double.IsNaN(x) ? "NaN" : double.IsPositiveInfinity(x) ? "Infinity" : double.IsNegativeInfinity(x) ? "-Infinity" : PythonFloat.Repr(x);

    /// <summary>Writes a string literal escaped as Python's <c>json</c> does.</summary>
    public static void WriteString(StringBuilder text, string s, bool ensureAscii)
    {
        text.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || (ensureAscii && c > 0x7e))
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
