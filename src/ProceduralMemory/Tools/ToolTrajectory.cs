namespace ProceduralMemory.Tools;

/// <summary>An episode of tool use: the task as given, the calls made with their results, and how it ended.</summary>
/// <param name="Instruction">The task's text.</param>
/// <param name="Steps">The calls in order, with their results.</param>
/// <param name="Success">Whether the task was done (null when nobody said).</param>
public sealed record ToolTrajectory(string Instruction, IReadOnlyList<ToolStep> Steps, bool? Success);
