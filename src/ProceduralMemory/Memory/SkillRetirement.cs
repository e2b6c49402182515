namespace ProceduralMemory.Memory;

/// <summary>
/// Why and when a skill was retired: it stays in the library and its store (nothing is lost) but is no longer
/// retrieved, selected or planned with, until it is restored.
/// </summary>
/// <param name="Episode">The library's episode count when it was retired (its clock: no wall time, so a run from a seed retires the same skills at the same episodes).</param>
/// <param name="Reason">One line saying why, e.g. <c>succeeded 3 of 50 uses (6.0%), below 20% after 50 uses</c>.</param>
public sealed record SkillRetirement(long Episode, string Reason)
{
    private const string MergedPrefix = "merged into ";
    private const string ChainReplacedPrefix = "a child was merged into ";
    private const string ChainReplacedSuffix = ": replaced by a chain naming it";

    /// <summary>The retirement of a skill a merge absorbed into <paramref name="into"/>; its counts move to that skill.</summary>
    public static SkillRetirement Merged(long episode, string into, string detail) => new(episode, $"{MergedPrefix}{into}, {detail}");

    /// <summary>The retirement of a chain naming an absorbed skill, replaced by one naming <paramref name="into"/>, which takes its counts.</summary>
    public static SkillRetirement ChainReplaced(long episode, string into) =>
        new(episode, $"{ChainReplacedPrefix}{into}{ChainReplacedSuffix}");

    /// <summary>
    /// The retirement of a chain naming an absorbed skill whose replacement naming <paramref name="into"/> the library
    /// already held: that chain keeps its own counts, so this one's are not carried over.
    /// </summary>
    public static SkillRetirement ChainAlreadyHeld(long episode, string into) =>
        new(episode, $"{ChainReplacedPrefix}{into}: the chain naming it was already held");

    /// <summary>
    /// Whether the skill's uses, successes and demonstrations were carried into another skill when it was retired (a
    /// merge): totals over a library leave them out, so nothing is counted twice. The reason is all a store keeps of a
    /// retirement, so this is read from it.
    /// </summary>
    public bool CountsCarriedOver =>
        Reason.StartsWith(MergedPrefix, StringComparison.Ordinal)
        || Reason.StartsWith(ChainReplacedPrefix, StringComparison.Ordinal) && Reason.EndsWith(ChainReplacedSuffix, StringComparison.Ordinal);
}
