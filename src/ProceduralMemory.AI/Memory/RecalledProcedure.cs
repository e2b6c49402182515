namespace ProceduralMemory.AI.Memory;

/// <summary>A procedure recalled for a task, with how similar its purpose is to the task (cosine of their keys).</summary>
/// <param name="Procedure">The procedure.</param>
/// <param name="Similarity">The best cosine similarity between its key and the task's text or one of its clauses.</param>
public sealed record RecalledProcedure(ProcedureView Procedure, float Similarity);
