namespace ProceduralMemory.Tools;

/// <summary>A task for a tool-using agent, described in text, with the calls that carry it out and what the answer must say.</summary>
/// <param name="Id">A stable identifier, such as <c>retail/test/12</c>.</param>
/// <param name="Instruction">What is wanted, in words.</param>
/// <param name="Actions">The ground-truth calls (for a demonstration, the calls that carried it out).</param>
/// <param name="Outputs">Strings a correct answer to the user must contain.</param>
public sealed record ToolTask(string Id, string Instruction, IReadOnlyList<ToolCall> Actions, IReadOnlyList<string> Outputs);
