using System.Text.Json;

namespace ProceduralMemory.Tools.Traces;

/// <summary>One parsed line of a trace file and the helpers that report its problems as <c>file:line: path: reason</c>.</summary>
internal sealed class TraceLine(string fileName, int number, JsonElement root, ToolCatalog catalog)
{
    /// <summary>How trace and tool files are parsed: a repeated property is an error, since which copy counts would be a guess.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { AllowDuplicateProperties = false };

    public string FileName { get; } = fileName;

    public int Number { get; } = number;

    public JsonElement Root { get; } = root;

    public string Location => $"{FileName}:{Number}";

    /// <summary>The source a demonstration from this line gets when it has no id.</summary>
    public string DefaultSource => Location;

    public TraceFormatException Fail(string path, string reason) => new(Location, path, reason);

    public JsonElement Required(JsonElement parent, string parentPath, string name, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw Fail(parentPath, $"missing required property \"{name}\"");
        }

        return Expect(value, JsonSchemaChecker.ChildPath(parentPath, name), kind);
    }

    public JsonElement Expect(JsonElement value, string path, JsonValueKind kind)
    {
        var matches = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        if (!matches)
        {
            throw Fail(path, $"expected {Name(kind)}, got {JsonSchemaChecker.Describe(value)}");
        }

        return value;
    }

    /// <summary>What is wrong with a string <see cref="FindBrokenString"/> finds.</summary>
    public const string BrokenStringReason = "the text holds an unpaired surrogate escape (such as \\ud800), which is not valid Unicode";

    /// <summary>
    /// The path of the first string or property name within <paramref name="value"/> that .NET cannot read as text
    /// (an escaped lone surrogate such as <c>"\ud800"</c> is valid JSON but throws when read), or null when there is none.
    /// Checked once after parsing so that every later read of the line is safe.
    /// </summary>
    public static string? FindBrokenString(JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    value.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return path;
                }

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (FindBrokenString(item, $"{path}[{index}]") is { } found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return path;
                    }

                    if (FindBrokenString(property.Value, JsonSchemaChecker.ChildPath(path, name)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Checks a call against the catalog, reporting an unknown tool at <paramref name="namePath"/> and an argument problem below <paramref name="argumentsPath"/>.</summary>
    public void Validate(ToolCall call, string namePath, string argumentsPath)
    {
        var violation = catalog.Check(call);
        if (violation is null)
        {
            return;
        }

        if (!catalog.TryGet(call.Name, out _))
        {
            throw Fail(namePath, violation.Reason);
        }

        throw Fail(argumentsPath + violation.Path[1..], violation.Reason);
    }

    /// <summary>Turns the calls and their results into a trajectory when every call has a result.</summary>
    public static ToolTrajectory? Trajectory(string instruction, IReadOnlyList<ToolCall> calls, IReadOnlyList<string?> results, bool? success)
    {
        if (results.Any(r => r is null))
        {
            return null;
        }

        var steps = calls.Select((c, i) => new ToolStep(c, ToResult(results[i]!))).ToList();
        return new ToolTrajectory(instruction, steps, success);
    }

    // Environments such as tau-bench report a failed call as output starting "Error:", the same convention ToolResult.Error uses.
    private static ToolResult ToResult(string output) => new(output, output.StartsWith("Error:", StringComparison.Ordinal));

    private static string Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "a boolean",
        _ => kind.ToString(),
    };
}
