namespace ProceduralMemory.AI.Http;

/// <summary>The body of <c>POST /procedures/recall</c>.</summary>
/// <param name="Task">The task in words.</param>
/// <param name="K">How many procedures at most (default 3).</param>
public sealed record RecallRequest(string? Task, int? K);
