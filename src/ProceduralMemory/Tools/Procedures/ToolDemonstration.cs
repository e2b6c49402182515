namespace ProceduralMemory.Tools.Procedures;

/// <summary>A demonstration a procedure was learned from: the instruction and the calls that carried it out.</summary>
/// <param name="Source">Where it came from, such as <c>tau-retail/train/17</c> or a trace file's name and line.</param>
/// <param name="Instruction">The task's text.</param>
/// <param name="Calls">The calls that carried it out, in order.</param>
public sealed record ToolDemonstration(string Source, string Instruction, IReadOnlyList<ToolCall> Calls);
