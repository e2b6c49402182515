using System.Text.Json;

namespace ProceduralMemory.Tools.Traces;

/// <summary>
/// The tools a trace may call, by name, and the check of a call against them. Loads from a tools.json in the
/// OpenAI function-calling shape (<c>[{"type":"function","function":{"name","description","parameters"}}]</c>) or
/// the bare form (<c>[{"name","description","parameters"}]</c>). Such files do not say which tools change state,
/// so that comes from the caller's set of names or from a non-standard <c>"x-changes-state": true</c> on a tool
/// (on the tool object or its "function" object).
/// </summary>
public sealed class ToolCatalog
{
    private static readonly JsonElement NoArgumentsSchema = JsonSerializer.SerializeToElement(new { type = "object", properties = new { }, additionalProperties = false });

    private readonly Dictionary<string, ToolDefinition> _tools;

    /// <summary>Creates a catalog of the given tools.</summary>
    /// <param name="tools">The tools; names must be distinct.</param>
    public ToolCatalog(IEnumerable<ToolDefinition> tools)
    {
        ArgumentNullException.ThrowIfNull(tools);
        _tools = new Dictionary<string, ToolDefinition>(StringComparer.Ordinal);
        foreach (var tool in tools)
        {
            if (!_tools.TryAdd(tool.Name, tool))
            {
                throw new ArgumentException($"tool \"{tool.Name}\" is defined twice", nameof(tools));
            }
        }
    }

    /// <summary>The tools, in name order.</summary>
    public IReadOnlyList<ToolDefinition> Tools => _tools.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Finds a tool by name.</summary>
    /// <param name="name">The tool name.</param>
    /// <param name="tool">The tool, when found.</param>
    public bool TryGet(string name, out ToolDefinition tool) => _tools.TryGetValue(name, out tool!);

    /// <summary>Loads a tools.json file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="stateChangingTools">Names of the tools that change state; each must be in the file.</param>
    /// <exception cref="TraceFormatException">The file is malformed; the message names the file and the JSON path.</exception>
    public static ToolCatalog Load(string path, IEnumerable<string>? stateChangingTools = null) =>
        Parse(File.ReadAllText(path), Path.GetFileName(path), stateChangingTools);

    /// <summary>Reads a tools.json document.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">The name errors give for the document, usually its file name.</param>
    /// <param name="stateChangingTools">Names of the tools that change state; each must be in the document.</param>
    /// <exception cref="TraceFormatException">The document is malformed; the message names the source and the JSON path.</exception>
    public static ToolCatalog Parse(string json, string sourceName, IEnumerable<string>? stateChangingTools = null)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json, TraceLine.DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new TraceFormatException(sourceName, "$", "not valid JSON: " + e.Message);
        }

        if (TraceLine.FindBrokenString(root, "$") is { } broken)
        {
            throw new TraceFormatException(sourceName, broken, TraceLine.BrokenStringReason);
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new TraceFormatException(sourceName, "$", $"expected an array of tools, got {JsonSchemaChecker.Describe(root)}");
        }

        var stateChanging = new HashSet<string>(stateChangingTools ?? [], StringComparer.Ordinal);
        var tools = new List<ToolDefinition>();
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            var path = $"$[{index}]";
            tools.Add(ReadTool(entry, path, sourceName, stateChanging, tools));
            index++;
        }

        foreach (var name in stateChanging.Order(StringComparer.Ordinal))
        {
            if (!tools.Any(t => t.Name == name))
            {
                throw new TraceFormatException(sourceName, "$", $"state-changing tool \"{name}\" is not in the file");
            }
        }

        return new ToolCatalog(tools);
    }

    private static ToolDefinition ReadTool(JsonElement entry, string path, string sourceName, HashSet<string> stateChanging, List<ToolDefinition> earlier)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new TraceFormatException(sourceName, path, $"expected a tool object, got {JsonSchemaChecker.Describe(entry)}");
        }

        var function = entry;
        var functionPath = path;
        if (entry.TryGetProperty("function", out var wrapped))
        {
            functionPath = path + ".function";
            if (wrapped.ValueKind != JsonValueKind.Object)
            {
                throw new TraceFormatException(sourceName, functionPath, $"expected an object, got {JsonSchemaChecker.Describe(wrapped)}");
            }

            if (entry.TryGetProperty("type", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "function"))
            {
                throw new TraceFormatException(sourceName, path + ".type", $"expected \"function\", got {type.GetRawText()}");
            }

            function = wrapped;
        }

        if (!function.TryGetProperty("name", out var nameElement))
        {
            throw new TraceFormatException(sourceName, functionPath, "missing required property \"name\"");
        }

        if (nameElement.ValueKind != JsonValueKind.String)
        {
            throw new TraceFormatException(sourceName, functionPath + ".name", $"expected a string, got {JsonSchemaChecker.Describe(nameElement)}");
        }

        if (nameElement.GetString()!.Length == 0)
        {
            throw new TraceFormatException(sourceName, functionPath + ".name", "the tool name is empty");
        }

        var name = nameElement.GetString()!;
        if (earlier.Any(t => t.Name == name))
        {
            throw new TraceFormatException(sourceName, functionPath + ".name", $"tool \"{name}\" is defined twice");
        }

        var description = "";
        if (function.TryGetProperty("description", out var descriptionElement))
        {
            if (descriptionElement.ValueKind != JsonValueKind.String)
            {
                throw new TraceFormatException(sourceName, functionPath + ".description", $"expected a string, got {JsonSchemaChecker.Describe(descriptionElement)}");
            }

            description = descriptionElement.GetString()!;
        }

        // A tool without parameters takes none; an object schema allowing no properties says so without special cases downstream.
        var parameters = NoArgumentsSchema;
        if (function.TryGetProperty("parameters", out var parametersElement))
        {
            if (parametersElement.ValueKind != JsonValueKind.Object)
            {
                throw new TraceFormatException(sourceName, functionPath + ".parameters", $"expected a schema object, got {JsonSchemaChecker.Describe(parametersElement)}");
            }

            parameters = parametersElement.Clone();
        }

        var changesState = stateChanging.Contains(name)
            || ReadFlag(entry, path, sourceName) || (functionPath != path && ReadFlag(function, functionPath, sourceName));
        return new ToolDefinition(name, description, parameters, changesState);
    }

    private static bool ReadFlag(JsonElement tool, string path, string sourceName)
    {
        if (!tool.TryGetProperty("x-changes-state", out var flag))
        {
            return false;
        }

        if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new TraceFormatException(sourceName, path + "[\"x-changes-state\"]", $"expected a boolean, got {JsonSchemaChecker.Describe(flag)}");
        }

        return flag.GetBoolean();
    }

    /// <summary>
    /// Checks a call against the catalog: the tool must exist and the arguments must satisfy its parameter schema.
    /// Returns the first problem, or null when the call is valid. An unknown tool is reported at <c>$</c>; an
    /// argument problem at its path within the arguments, such as <c>$.item_ids[1]</c>.
    /// </summary>
    /// <param name="call">The call.</param>
    public SchemaViolation? Check(ToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!_tools.TryGetValue(call.Name, out var tool))
        {
            return new SchemaViolation("$", $"unknown tool \"{call.Name}\"");
        }

        return JsonSchemaChecker.Check(tool.Parameters, call.Arguments);
    }
}
