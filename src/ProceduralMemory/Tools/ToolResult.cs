namespace ProceduralMemory.Tools;

/// <summary>What a tool call returned: its output text (JSON for most tools) or an error message.</summary>
/// <param name="Output">The output as the tool wrote it; for an error, the message the caller sees.</param>
/// <param name="IsError">True when the call failed and changed nothing.</param>
public sealed record ToolResult(string Output, bool IsError)
{
    /// <summary>A successful result.</summary>
    public static ToolResult Ok(string output) => new(output, false);

    /// <summary>A failed call, written as the reference writes it: <c>Error: message</c>.</summary>
    public static ToolResult Error(string message) => new("Error: " + message, true);
}
