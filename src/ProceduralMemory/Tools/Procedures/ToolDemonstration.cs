namespace ProceduralMemory.Tools.Procedures;

/// <summary>A demonstration a procedure was learned from: the instruction and the calls that carried it out.</summary>
/// <param name="Source">Where it came from, such as <c>tau-retail/train/17</c> or a trace file's name and line.</param>
/// <param name="Instruction">The task's text.</param>
/// <param name="Calls">The calls that carried it out, in order.</param>
/// <param name="Results">
/// What each call returned, in the same order, when the demonstration was recorded with its results (a trajectory a
/// language-model agent reported); null when only the calls are known (a domain's tasks, whose look-ups are made live).
/// Kept so that procedures can be induced again from pooled demonstrations (<see cref="Consolidation.ProcedureConsolidation"/>)
/// and checked by replaying them, with no environment to ask.
/// </param>
public sealed record ToolDemonstration(string Source, string Instruction, IReadOnlyList<ToolCall> Calls, IReadOnlyList<ToolResult>? Results = null)
{
    /// <summary>The calls with their results as a successful trajectory, or null when <see cref="Results"/> are not known.</summary>
    public ToolTrajectory? RecordedTrajectory() => Results is null ? null
        : new ToolTrajectory(Instruction, [.. Calls.Select((c, i) => new ToolStep(c, Results[i]))], true);
}
