using System.Text.Json;

namespace ProceduralMemory.Tools;

/// <summary>One call of a tool: its name and its arguments as a JSON object.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Arguments">The arguments, a JSON object.</param>
public sealed record ToolCall(string Name, JsonElement Arguments)
{
    /// <summary>A call whose arguments are parsed from <paramref name="argumentsJson"/>.</summary>
    public static ToolCall Parse(string name, string argumentsJson)
    {
        using var document = JsonDocument.Parse(argumentsJson);
        return new ToolCall(name, document.RootElement.Clone());
    }

    /// <summary>True when both calls name the same tool with arguments equal as JSON values.</summary>
    public bool SameAs(ToolCall other) => other is not null && Name == other.Name && JsonElement.DeepEquals(Arguments, other.Arguments);

    /// <inheritdoc />
    public override string ToString() => $"{Name}({Arguments.GetRawText()})";
}
