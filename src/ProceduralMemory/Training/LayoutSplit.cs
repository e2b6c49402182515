using ProceduralMemory.Environments;

namespace ProceduralMemory.Training;

/// <summary>
/// Which layouts are held out from training, compared by content (<see cref="ILayoutFingerprint"/>), not by seed:
/// the test layouts (the distinct layouts of the evaluation seeds, which reported figures are measured on) and a
/// development split (the distinct layouts of seeds 1000-1099 that are not test layouts, which tuning looks at).
/// Training skips every seed whose layout is in either.
/// </summary>
/// <remarks>
/// <para>Where an environment has few layouts (doorkey-5x5 has 48), at most a quarter of them are test layouts and
/// an eighth development layouts, the first in seed order, so that training keeps the rest (5x5: 12, 6 and 30).
/// The number of layouts is counted over <see cref="SpaceSampleSeeds"/> sample seeds, which finds every layout of a
/// small space and is a lower bound on a large one (doorkey-8x8 then allows far more than 100 test layouts).</para>
/// <para>When holding the test layouts out would leave training no layout at all (the seed grid world has exactly
/// one), nothing is held out and the evaluation's overlap with training says so.</para>
/// <para>An environment without fingerprints is split by seed, every seed counting as a layout of its own.</para>
/// </remarks>
public sealed class LayoutSplit
{
    /// <summary>The development split is drawn from seeds <see cref="DevFirstSeed"/> to <see cref="DevFirstSeed"/> + <see cref="DevSeedCount"/> - 1.</summary>
    public const int DevFirstSeed = 1000, DevSeedCount = 100;

    /// <summary>The development split's seeds as a user types them: <c>1000-1099</c>.</summary>
    public static string DevSeedRange => $"{DevFirstSeed}-{DevFirstSeed + DevSeedCount - 1}";

    /// <summary>At most 1/<see cref="TestShare"/> of the layouts are test layouts, and 1/<see cref="DevShare"/> development layouts.</summary>
    public const int TestShare = 4, DevShare = 8;

    /// <summary>Seeds fingerprinted to count an environment's layouts (from <see cref="SpaceSampleFirstSeed"/> on).</summary>
    public const int SpaceSampleSeeds = 4096, SpaceSampleFirstSeed = 2_000_000;

    private readonly Func<int, ulong> _fingerprint;
    private readonly HashSet<ulong> _heldOut;

    private LayoutSplit(Func<int, ulong> fingerprint, IReadOnlyList<int> testSeeds, IReadOnlyList<int> devSeeds,
        bool holdsOut, bool evaluatesDevelopment, int? layoutCount)
    {
        _fingerprint = fingerprint;
        TestSeeds = testSeeds;
        DevSeeds = devSeeds;
        EvaluatesDevelopment = evaluatesDevelopment;
        LayoutCount = layoutCount;
        _heldOut = holdsOut ? [.. testSeeds.Concat(devSeeds).Select(fingerprint)] : [];
        EvaluationFingerprints = EvaluationSeeds.Select(fingerprint).ToHashSet();
    }

    /// <summary>One seed per distinct test layout (the first evaluation seed that generates it), in the order given.</summary>
    public IReadOnlyList<int> TestSeeds { get; }

    /// <summary>One seed per distinct development layout.</summary>
    public IReadOnlyList<int> DevSeeds { get; }

    /// <summary>True when evaluation plays the development split instead of the test layouts.</summary>
    public bool EvaluatesDevelopment { get; }

    /// <summary>The seeds evaluation plays: <see cref="DevSeeds"/> or <see cref="TestSeeds"/>.</summary>
    public IReadOnlyList<int> EvaluationSeeds => EvaluatesDevelopment ? DevSeeds : TestSeeds;

    /// <summary>The fingerprints of the layouts evaluation plays.</summary>
    public IReadOnlySet<ulong> EvaluationFingerprints { get; }

    /// <summary>The distinct layouts found among the sample seeds; null for an environment split by seed.</summary>
    public int? LayoutCount { get; }

    /// <summary>True when training keeps off the test and development layouts (false only when that would leave it none).</summary>
    public bool HoldsOut => _heldOut.Count > 0;

    /// <summary>The content fingerprint of <paramref name="seed"/>'s layout.</summary>
    public ulong FingerprintOf(int seed) => _fingerprint(seed);

    /// <summary>True when training must skip the layout of <paramref name="fingerprint"/>: a test or development layout.</summary>
    public bool IsHeldOut(ulong fingerprint) => _heldOut.Contains(fingerprint);

    /// <summary>The same split, evaluated on the development layouts (what tuning looks at).</summary>
    public LayoutSplit ForDevelopment() => new(_fingerprint, TestSeeds, DevSeeds, HoldsOut, evaluatesDevelopment: true, LayoutCount);

    /// <summary>The split of <paramref name="environment"/>'s layouts whose test layouts come from <paramref name="evaluationSeeds"/>.</summary>
    public static LayoutSplit Of(IEnvironment environment, IEnumerable<int> evaluationSeeds)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment is not ILayoutFingerprint layouts)
            return BySeed(evaluationSeeds);
        int count = Enumerable.Range(SpaceSampleFirstSeed, SpaceSampleSeeds).Select(layouts.LayoutFingerprint).Distinct().Count();
        return Build(layouts.LayoutFingerprint, evaluationSeeds, count);
    }

    /// <summary>A split by seed alone, for an environment that cannot fingerprint its layouts: every seed is a layout of its own.</summary>
    public static LayoutSplit BySeed(IEnumerable<int> evaluationSeeds) => Build(seed => unchecked((ulong)seed), evaluationSeeds, layoutCount: null);

    private static LayoutSplit Build(Func<int, ulong> fingerprint, IEnumerable<int> evaluationSeeds, int? layoutCount)
    {
        ArgumentNullException.ThrowIfNull(evaluationSeeds);
        var seen = new HashSet<ulong>();
        int testCap = layoutCount is { } n ? Math.Max(1, n / TestShare) : int.MaxValue;
        int devCap = layoutCount is { } m ? m / DevShare : int.MaxValue;
        List<int> test = Distinct(evaluationSeeds, fingerprint, seen, testCap);
        List<int> dev = Distinct(Enumerable.Range(DevFirstSeed, DevSeedCount), fingerprint, seen, devCap);
        bool trainingKeepsALayout = layoutCount is not { } total || total > test.Count + dev.Count;
        return new LayoutSplit(fingerprint, test, dev, trainingKeepsALayout, evaluatesDevelopment: false, layoutCount);
    }

    /// <summary>The first seed of each layout not yet <paramref name="seen"/>, up to <paramref name="cap"/> of them.</summary>
    private static List<int> Distinct(IEnumerable<int> seeds, Func<int, ulong> fingerprint, HashSet<ulong> seen, int cap)
    {
        var kept = new List<int>();
        foreach (int seed in seeds)
        {
            if (kept.Count >= cap)
                break;
            if (seen.Add(fingerprint(seed)))
                kept.Add(seed);
        }
        return kept;
    }
}
