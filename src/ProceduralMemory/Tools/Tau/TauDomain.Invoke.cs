using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

public sealed partial class TauDomain
{
    /// <summary>
    /// Runs <paramref name="call"/> on <paramref name="database"/> as the reference's environment does: an unknown tool
    /// gives <c>Unknown action NAME</c>; arguments that do not fit the tool's signature, and any failure inside it, give
    /// <c>Error: message</c> with Python's wording; nothing throws.
    /// </summary>
    public ToolResult Invoke(TauDatabase database, ToolCall call)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(call);
        if (!implementations.TryGetValue(call.Name, out var tool))
            return new ToolResult($"Unknown action {call.Name}", true);
        if (call.Arguments.ValueKind != JsonValueKind.Object)
            return ToolResult.Error($"argument after ** must be a mapping, not {PythonTypeName(call.Arguments)}");

        string[] names = parameters[call.Name];
        JsonObject arguments = (JsonObject)PythonJson.FromElement(call.Arguments)!;
        string function = $"{ClassName(call.Name)}.invoke()";
        foreach (var (key, _) in arguments)
            if (!names.Contains(key) && key != "data")
                return ToolResult.Error($"{function} got an unexpected keyword argument '{key}'");
        if (arguments.ContainsKey("data"))
            return ToolResult.Error($"{function} got multiple values for argument 'data'");
        string[] missing = [.. names.Where(n => !arguments.ContainsKey(n))];
        if (missing.Length > 0)
            return ToolResult.Error($"{function} missing {missing.Length} required positional argument{(missing.Length > 1 ? "s" : "")}: {PythonList(missing)}");

        string output;
        try
        {
            output = tool(database, new TauArguments(arguments));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The reference's environment turns any exception of a tool into the call's output; so does this one.
            output = "Error: " + e.Message;
        }
        return new ToolResult(output, output.StartsWith("Error: ", StringComparison.Ordinal));
    }

    private static string ClassName(string tool)
    {
        var name = new StringBuilder();
        foreach (string part in tool.Split('_', StringSplitOptions.RemoveEmptyEntries))
            name.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        return name.ToString();
    }

    // Python lists missing names as 'a', 'a' and 'b', or 'a', 'b', and 'c'.
    private static string PythonList(string[] names) => names.Length switch
    {
        1 => $"'{names[0]}'",
        2 => $"'{names[0]}' and '{names[1]}'",
        _ => string.Join(", ", names[..^1].Select(n => $"'{n}'")) + $", and '{names[^1]}'",
    };

    private static string PythonTypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.String => "str",
        JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? "float" : "int",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "NoneType",
    };
}
