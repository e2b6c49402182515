namespace ProceduralMemory.Tools;

/// <summary>One call an agent made and what it returned.</summary>
/// <param name="Call">The call.</param>
/// <param name="Result">Its result.</param>
public sealed record ToolStep(ToolCall Call, ToolResult Result);
