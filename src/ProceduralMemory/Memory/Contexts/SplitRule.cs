using System.Globalization;

namespace ProceduralMemory.Memory.Contexts;

/// <summary>
/// When a skill is split: it failed in one context (succeeding less often than <see cref="FailBelow"/> over at least
/// <see cref="MinUses"/> uses there) and succeeds in the others (together at least <see cref="SucceedAbove"/> over at
/// least <see cref="MinUses"/> uses). A skill failing everywhere is not split (the retirement rule judges it), nor one
/// with too few uses on either side to tell.
/// </summary>
public sealed record SplitRule
{
    /// <summary>A context is failing when the skill succeeds less often than this (0..1) there.</summary>
    public double FailBelow { get; init; } = 0.2;

    /// <summary>The other contexts, together, must succeed at least this often (0..1).</summary>
    public double SucceedAbove { get; init; } = 0.6;

    /// <summary>Uses needed in the failing context, and in the others together, before either rate is evidence.</summary>
    public int MinUses { get; init; } = 10;

    /// <summary>
    /// The context <paramref name="counts"/> (a skill's uses and successes by context) says to split off, with why;
    /// null when none. Contexts in <paramref name="excluded"/> (already split off) count on neither side. Of several
    /// failing contexts the lowest-numbered is split first (one per judgement, so the others are judged without it).
    /// </summary>
    public (int Context, string Reason)? Judge(IReadOnlyDictionary<int, (int Uses, int Successes)> counts, IReadOnlySet<int> excluded)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(excluded);
        foreach (var (context, (uses, successes)) in counts.OrderBy(c => c.Key))
        {
            if (excluded.Contains(context) || uses < MinUses || successes >= FailBelow * uses)
                continue;
            int otherUses = 0, otherSuccesses = 0;
            foreach (var (other, (u, s)) in counts)
                if (other != context && !excluded.Contains(other))
                    (otherUses, otherSuccesses) = (otherUses + u, otherSuccesses + s);
            if (otherUses < MinUses || otherSuccesses < SucceedAbove * otherUses)
                continue;
            return (context, string.Create(CultureInfo.InvariantCulture,
                $"succeeded {successes} of {uses} uses in context {context} ({(double)successes / uses:0.0%}), {otherSuccesses} of {otherUses} elsewhere ({(double)otherSuccesses / otherUses:0.0%})"));
        }
        return null;
    }
}
