namespace ProceduralMemory.Tools.Tau;

/// <summary>A recorded call and the output the reference gave.</summary>
/// <param name="Call">The call.</param>
/// <param name="Output">The reference's output text.</param>
public sealed record TauConformanceCall(ToolCall Call, string Output);
