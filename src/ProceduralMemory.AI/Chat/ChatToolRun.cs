using ProceduralMemory.Tools.Evaluation;

namespace ProceduralMemory.AI.Chat;

/// <summary>What one <see cref="ChatToolAgent"/> did over the test tasks of <see cref="ChatToolBenchmark"/>.</summary>
/// <param name="Scores">Its measures on the test tasks.</param>
/// <param name="Tasks">Its score on each test task.</param>
/// <param name="Requests">Requests that reached the model.</param>
/// <param name="InputTokens">Input tokens the server reported.</param>
/// <param name="OutputTokens">Output tokens the server reported.</param>
/// <param name="Learned">Procedures the memory learned from the outcomes reported during the run (0 without memory).</param>
public sealed record ChatToolRun(ToolScores Scores, IReadOnlyList<ToolTaskScore> Tasks, int Requests, long InputTokens, long OutputTokens, int Learned);
