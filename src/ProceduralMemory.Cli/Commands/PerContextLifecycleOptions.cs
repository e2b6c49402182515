using System.CommandLine;
using ProceduralMemory.Agents;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Contexts;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// The per-context lifecycle's command-line options (<c>--contexts</c>, <c>--split-after</c>, <c>--decay-half-life</c>),
/// shared by <c>train</c> and <c>bench learning</c>, and what they make of a parse.
/// </summary>
internal sealed class PerContextLifecycleOptions
{
    private static readonly ContextLifecycleOptions Defaults = new();

    /// <summary>At most this many contexts; 0 (the default) leaves the lifecycle off.</summary>
    public Option<int> Contexts { get; } = CommonOptions.BoundedInt("--contexts",
        "The per-context lifecycle: cluster states into at most this many contexts, count each skill's success per context, split a skill failing in one, decay rarely successful ones (0: off).",
        0, minimum: 0, maximum: 64);

    /// <summary>The split rule's uses per side.</summary>
    public Option<int> SplitAfter { get; } = CommonOptions.PositiveInt("--split-after",
        "... split a skill once it has this many uses in a context where it succeeds below 20% and as many elsewhere at 60% or more.", Defaults.Split!.MinUses);

    /// <summary>The decay's half-life in failures; without it, no decay.</summary>
    public Option<int?> DecayHalfLife { get; } = CommonOptions.OptionalBoundedInt("--decay-half-life",
        "... and decay: halve the selection weight of a skill succeeding below 20% over 5 or more uses every this many failures (default: no decay).", minimum: 1);

    /// <summary>The options, for a command's list.</summary>
    public IEnumerable<Option> All => [Contexts, SplitAfter, DecayHalfLife];

    /// <summary>The lifecycle <paramref name="parsed"/> asks for, or null when <c>--contexts</c> is 0.</summary>
    /// <exception cref="UsageException"><c>--decay-half-life</c> without <c>--contexts</c>.</exception>
    public ContextLifecycleOptions? From(ParseResult parsed)
    {
        int? halfLife = parsed.GetValue(DecayHalfLife);
        if (parsed.GetValue(Contexts) == 0)
            return halfLife is null ? null : throw new UsageException("--decay-half-life needs --contexts (the per-context lifecycle).");
        return Defaults with
        {
            MaxContexts = parsed.GetValue(Contexts),
            Split = Defaults.Split! with { MinUses = parsed.GetValue(SplitAfter) },
            Decay = halfLife is { } half ? new DecayRule { HalfLife = half } : null,
        };
    }

    /// <summary>One line on the lifecycle's state after a run, for the summary.</summary>
    public static string Summary(ContextLifecycle lifecycle, SkillLibrary library) =>
        $"Per-context lifecycle: {lifecycle.Contexts.Centroids.Count} contexts, {lifecycle.Splits.Count} splits " +
        $"({lifecycle.Splits.Count(s => s.Variant is not null)} variants made), {Decaying(lifecycle, library)} active skills decaying";

    /// <summary>The lifecycle's figures for a run's JSON, or null when it is off.</summary>
    public static object? Json(ProceduralMemoryAgent agent) => agent.ContextLifecycle is not { } lifecycle ? null : new
    {
        contexts = lifecycle.Contexts.Centroids.Count,
        splits = lifecycle.Splits.Count,
        variants_made = lifecycle.Splits.Count(s => s.Variant is not null),
        decaying = Decaying(lifecycle, agent.Library),
    };

    private static int Decaying(ContextLifecycle lifecycle, SkillLibrary library) =>
        lifecycle.Options.Decay is { } decay ? library.ActiveSkills.Count(s => decay.WeightOf(s) < 1) : 0;
}
