using System.Globalization;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Memory.Contexts;

/// <summary>
/// An agent's per-context lifecycle state: the contexts (<see cref="SkillContexts"/>), each skill's outcomes per
/// context, the splits made, and which skill serves where (an original is not retrieved in a context split off from
/// it; a variant only in its own). It follows from the seed: the same run makes the same contexts, counts and splits.
/// With a store, the agent commits it with each episode and restores it on opening the library (schema 7).
/// </summary>
public sealed class ContextLifecycle
{
    private readonly Dictionary<int, HashSet<int>> _splitOff = [];
    private readonly Dictionary<int, (int Original, int Context)> _variants = [];
    private readonly Dictionary<(int Original, int Context), int> _variantFor = [];
    private readonly List<SkillSplit> _splits = [];

    /// <summary>Creates the state for <paramref name="options"/>, with no contexts yet.</summary>
    public ContextLifecycle(ContextLifecycleOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Contexts = new SkillContexts(options.MaxContexts, options.ContextSimilarity);
    }

    /// <summary>The settings.</summary>
    public ContextLifecycleOptions Options { get; }

    /// <summary>The contexts founded so far.</summary>
    public SkillContexts Contexts { get; }

    /// <summary>Each skill's uses and successes per context.</summary>
    public ContextOutcomes Outcomes { get; } = new();

    /// <summary>The splits made, in order.</summary>
    public IReadOnlyList<SkillSplit> Splits => _splits;

    /// <summary>The contexts split off from skill <paramref name="skillId"/> (empty when none).</summary>
    public IReadOnlySet<int> SplitOff(int skillId) => _splitOff.TryGetValue(skillId, out var contexts) ? contexts : new HashSet<int>();

    /// <summary>Whether skill <paramref name="skillId"/> is a variant made by a split (bound to one context).</summary>
    public bool IsVariant(int skillId) => _variants.ContainsKey(skillId);

    /// <summary>
    /// The state a store holds (<see cref="ContextState"/>), for reading it without an agent (<c>procmem skills list</c>):
    /// settings from the stored contexts (the defaults when there are none), nothing that would split or decay.
    /// </summary>
    public static ContextLifecycle Of(ContextState stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var options = new ContextLifecycleOptions { Split = null, Decay = null };
        if (stored.Contexts.Count > 0)
            options = options with { MaxContexts = stored.Contexts[0].MaxContexts, ContextSimilarity = stored.Contexts[0].Similarity };
        var lifecycle = new ContextLifecycle(options);
        foreach (StoredContext context in stored.Contexts)
            lifecycle.Contexts.Adopt(context.Number, context.Centroid);
        foreach (ContextCount count in stored.Counts)
            lifecycle.Outcomes.Set(count.SkillId, count.Context, count.Uses, count.Successes);
        foreach (StoredSplit split in stored.Splits)
            lifecycle.Record(SplitOf(split));
        return lifecycle;
    }

    /// <summary>A stored split mark as a split.</summary>
    public static SkillSplit SplitOf(StoredSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new SkillSplit(split.SkillId, split.Context, split.VariantId, split.Episode, split.Reason);
    }

    /// <summary>Whether <paramref name="context"/> has been split off from skill <paramref name="skillId"/>.</summary>
    public bool IsSplit(int skillId, int context) => SplitOff(skillId).Contains(context);

    /// <summary>Records <paramref name="split"/>: its context leaves the original, and its variant (if any) is bound there.</summary>
    public void Record(SkillSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        if (!_splitOff.TryGetValue(split.Original, out var contexts))
            _splitOff[split.Original] = contexts = [];
        if (!contexts.Add(split.Context))
            throw new InvalidOperationException($"Context {split.Context} is already split off from skill #{split.Original}.");
        if (split.Variant is { } variant)
        {
            _variants[variant] = (split.Original, split.Context);
            _variantFor[(split.Original, split.Context)] = variant;
        }
        _splits.Add(split);
    }

    /// <summary>
    /// Whether skill <paramref name="skillId"/> serves in <paramref name="context"/>: a variant only in its own, an
    /// original everywhere but the contexts split off from it.
    /// </summary>
    public bool Serves(int skillId, int context) =>
        _variants.TryGetValue(skillId, out var bound) ? bound.Context == context : !SplitOff(skillId).Contains(context);

    /// <summary>
    /// The skill a demonstration of <paramref name="skillId"/> (or of its variants) starting in <paramref name="context"/>
    /// belongs to: the variant bound to that context if there is one, else the original.
    /// </summary>
    public int Route(int skillId, int context)
    {
        int original = _variants.TryGetValue(skillId, out var bound) ? bound.Original : skillId;
        return _variantFor.TryGetValue((original, context), out int variant) ? variant : original;
    }

    /// <summary>Whether <paramref name="skill"/> serves in the context of the state whose key is <paramref name="query"/> (<see cref="Serves(int, int)"/>).</summary>
    public bool Serves(Skill skill, float[] query)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return _splits.Count == 0 || Serves(skill.Id, Contexts.ContextOf(query, found: false));
    }

    /// <summary>
    /// The selection weight of <paramref name="skill"/> for a state whose key is <paramref name="query"/>: 0 where it
    /// does not serve (so it is not selected), else its decay weight (<see cref="DecayRule"/>; 1 without decay).
    /// </summary>
    public double WeightOf(Skill skill, float[] query)
    {
        if (!Serves(skill, query))
            return 0;
        return Options.Decay?.WeightOf(skill) ?? 1.0;
    }

    /// <summary>Skill <paramref name="skillId"/>'s splits and binding (<see cref="Describe"/> without decay), or null when it has none.</summary>
    public string? DescribeSplits(int skillId)
    {
        List<string> parts = SplitParts(skillId);
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private List<string> SplitParts(int skillId)
    {
        var parts = new List<string>();
        if (_variants.TryGetValue(skillId, out var bound))
            parts.Add($"variant of #{bound.Original} for context {bound.Context}");
        foreach (SkillSplit split in _splits.Where(s => s.Original == skillId))
            parts.Add($"split off context {split.Context}{(split.Variant is { } v ? $" to #{v}" : "")} at episode {split.Episode}: {split.Reason}");
        return parts;
    }

    /// <summary>
    /// Skill <paramref name="skillId"/>'s successes of uses per context, e.g. <c>c0 12/15, c3 0/10</c>, or null when it
    /// has none.
    /// </summary>
    public string? DescribeCounts(int skillId)
    {
        var counts = Outcomes.ForSkill(skillId);
        return counts.Count == 0 ? null : string.Join(", ", counts.Select(c => $"c{c.Key} {c.Value.Successes}/{c.Value.Uses}"));
    }

    /// <summary>
    /// One line on skill <paramref name="skill"/>'s per-context state for listings and reports (its split, its binding,
    /// its decay), or null when there is nothing to say.
    /// </summary>
    public string? Describe(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        List<string> parts = SplitParts(skill.Id);
        if (Options.Decay?.WeightOf(skill) is { } weight and < 1)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"decayed to {weight:0.###}"));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
