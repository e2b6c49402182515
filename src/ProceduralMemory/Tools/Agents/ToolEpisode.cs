namespace ProceduralMemory.Tools.Agents;

/// <summary>What an agent did for one task and how it was judged.</summary>
/// <param name="Task">The task.</param>
/// <param name="Calls">Every call made, in order, with its result.</param>
/// <param name="Uses">The procedures tried.</param>
/// <param name="Evaluation">The environment's end-of-episode evaluation.</param>
public sealed record ToolEpisode(ToolTask Task, IReadOnlyList<ToolStep> Calls, IReadOnlyList<ProcedureUse> Uses, ToolEvaluation Evaluation);
