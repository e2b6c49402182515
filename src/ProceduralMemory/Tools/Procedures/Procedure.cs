namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// A parameterised way of doing one kind of task with tools: the look-ups and the state-changing call of one
/// sub-goal, each argument bound to a slot of the task's text, a field of an earlier result or a constant. In a
/// library it is the policy of a skill (<see cref="ProcedurePolicy"/>), so it shares the skills' keys, statistics,
/// retrieval and stores.
/// </summary>
/// <param name="Purpose">What it is for, in words (what its key embeds), such as <c>return delivered order items</c>.</param>
/// <param name="Slots">The values it reads from the task's text.</param>
/// <param name="Steps">Its calls in order; the last changes state.</param>
/// <param name="Demonstrations">The demonstrations it was induced from (merged ones included).</param>
public sealed record Procedure(string Purpose, IReadOnlyList<ProcedureSlot> Slots, IReadOnlyList<ProcedureStep> Steps,
    IReadOnlyList<ToolDemonstration> Demonstrations);
