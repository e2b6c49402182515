namespace ProceduralMemory.Tools.Procedures;

/// <summary>What running a procedure did: the calls made with their results, and whether it got through every step.</summary>
/// <param name="Steps">The calls made, in order.</param>
/// <param name="Completed">True when every step was bound and called without an error.</param>
/// <param name="Failure">Why it stopped, when it did not complete.</param>
public sealed record ProcedureRun(IReadOnlyList<ToolStep> Steps, bool Completed, string? Failure)
{
    /// <summary>The state-changing calls it made.</summary>
    public IEnumerable<ToolCall> Changes(IReadOnlyDictionary<string, ToolDefinition> tools) =>
        Steps.Where(s => tools.TryGetValue(s.Call.Name, out var tool) && tool.ChangesState).Select(s => s.Call);
}
