using System.Text.Json;

namespace ProceduralMemory.Tools.Tau;

/// <summary>One task replayed through the reference tools: its calls with their outputs, the records changed, the final digest.</summary>
/// <param name="Split">The split (<c>train</c>, <c>test</c>).</param>
/// <param name="Task">The task's index in that split.</param>
/// <param name="Calls">The calls in order, each with the output the reference returned.</param>
/// <param name="Changed">Every record that differed from the initial database after the last call, by table then id.</param>
/// <param name="FinalDigest">The digest of the database after the last call.</param>
public sealed record TauConformanceTrace(
    string Split,
    int Task,
    IReadOnlyList<TauConformanceCall> Calls,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement>> Changed,
    string FinalDigest)
{
    /// <summary>A short name for messages: <c>split/task</c>.</summary>
    public string Label => $"{Split}/{Task}";
}
