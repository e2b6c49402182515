namespace ProceduralMemory.AI.Chat;

/// <summary>The language-model agent on the same test tasks with and without procedural memory.</summary>
/// <param name="Model">The model, as <c>provider:model@endpoint</c> or however the caller named it.</param>
/// <param name="Procedures">Procedures in the memory when the run began.</param>
/// <param name="WithMemory">The agent with the procedural-memory middleware.</param>
/// <param name="WithoutMemory">The same agent without it.</param>
public sealed record ChatToolBenchmarkResult(string Model, int Procedures, ChatToolRun WithMemory, ChatToolRun WithoutMemory);
