using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProceduralMemory.Cli.Team;

/// <summary>
/// A moment in a team member's life: a skill it discovered was stored (<see cref="Stored"/>), or a skill another
/// member stored reached it (<see cref="Arrived"/>). Times are this machine's monotonic clock in nanoseconds, the
/// same clock in every process, so events of different members compare.
/// </summary>
internal sealed record SkillEvent(
    [property: JsonPropertyName("event")] string Kind,
    [property: JsonPropertyName("skill")] int SkillId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("at_ns")] long AtNanoseconds)
{
    public const string Stored = "stored", Arrived = "arrived";

    /// <summary>An event of <paramref name="kind"/> for a skill, timed now.</summary>
    public static SkillEvent Now(string kind, int skillId, string name) =>
        new(kind, skillId, name, (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency)));

    /// <summary>Appends the event as one JSON line to <paramref name="path"/>.</summary>
    public void AppendTo(string path) => File.AppendAllText(path, JsonSerializer.Serialize(this) + "\n");

    /// <summary>
    /// The events in <paramref name="path"/> (none when it does not exist). A last line without its newline is left
    /// out: its writer was killed while appending it.
    /// </summary>
    public static IReadOnlyList<SkillEvent> ReadAll(string path)
    {
        if (!File.Exists(path))
            return [];
        string text = File.ReadAllText(path);
        return [.. text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonSerializer.Deserialize<SkillEvent>(l)!)];
    }
}
