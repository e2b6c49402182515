namespace ProceduralMemory.Environments;

/// <summary>
/// Checks that an environment keeps the <see cref="IEnvironment"/> contract, whatever its rules: the same seed
/// gives the same rollout; an episode ends by termination or by truncation at exactly <see cref="IEnvironment.MaxSteps"/>;
/// stepping before a reset, after the end or with an invalid action throws; observations report
/// <see cref="IEnvironment.FeatureCount"/> features and only the facts of the schema; clones do not change.
/// </summary>
public static class EnvironmentChecker
{
    /// <summary>
    /// Runs every check on environments made by <paramref name="create"/> over <paramref name="episodes"/>
    /// episodes of random actions from <paramref name="seed"/>; returns the problems found (none when it passes).
    /// </summary>
    public static IReadOnlyList<string> Check(Func<IEnvironment> create, int seed = 0, int episodes = 3)
    {
        ArgumentNullException.ThrowIfNull(create);
        var problems = new List<string>();
        IEnvironment first = create(), second = create();
        CheckShape(first, problems);
        CheckNotStarted(create(), problems);
        List<string> a = Rollout(first, seed, episodes, problems);
        List<string> b = Rollout(second, seed, episodes, problems: null);
        if (!a.SequenceEqual(b))
        {
            int at = a.Zip(b).TakeWhile(p => p.First == p.Second).Count();
            problems.Add($"{first.Name}: two runs with seed {seed} differ at record {at}: '{Describe(a, at)}' versus '{Describe(b, at)}'.");
        }
        CheckInvalidActions(create(), seed, problems);
        CheckClone(create(), seed, problems);
        return problems;
    }

    private static void CheckShape(IEnvironment env, List<string> problems)
    {
        if (env.Actions.Count == 0)
            problems.Add($"{env.Name}: no actions.");
        if (env.MaxSteps <= 0)
            problems.Add($"{env.Name}: MaxSteps is {env.MaxSteps}.");
        if (env.FeatureCount <= 0)
            problems.Add($"{env.Name}: FeatureCount is {env.FeatureCount}.");
    }

    private static void CheckNotStarted(IEnvironment env, List<string> problems) =>
        Expect<InvalidOperationException>(() => env.Step(0), $"{env.Name}: Step before Reset", problems);

    // One record per reset and per step: facts, features, reward and flags, as text, so two runs compare exactly.
    private static List<string> Rollout(IEnvironment env, int seed, int episodes, List<string>? problems)
    {
        var records = new List<string>();
        var rng = new Rng(unchecked((ulong)seed));
        var features = new float[env.FeatureCount];
        for (int episode = 0; episode < episodes; episode++)
        {
            ResetResult reset = env.Reset(episode == 0 ? seed : null);
            records.Add($"reset {Observe(env, reset.Observation, features, problems)}");
            for (int step = 1; ; step++)
            {
                StepResult result = env.Step(rng.NextInt(env.Actions.Count));
                records.Add($"step {result.Reward:R} {result.Terminated} {result.Truncated} {Observe(env, result.Observation, features, problems)}");
                if (problems is not null)
                    CheckEnding(env, step, result, problems);
                if (result.Done)
                {
                    if (problems is not null)
                        Expect<InvalidOperationException>(() => env.Step(0), $"{env.Name}: Step after the episode ended", problems);
                    break;
                }
            }
        }
        return records;
    }

    private static void CheckEnding(IEnvironment env, int step, StepResult result, List<string> problems)
    {
        if (result.Truncated && step < env.MaxSteps)
            problems.Add($"{env.Name}: truncated at step {step}, before the limit {env.MaxSteps}.");
        if (step >= env.MaxSteps && !result.Done)
            problems.Add($"{env.Name}: still running at step {step}, the limit being {env.MaxSteps}.");
        if (!double.IsFinite(result.Reward))
            problems.Add($"{env.Name}: reward {result.Reward} at step {step}.");
    }

    private static string Observe(IEnvironment env, Observation observation, float[] features, List<string>? problems)
    {
        if (problems is not null)
        {
            if (observation.FeatureCount != env.FeatureCount)
                problems.Add($"{env.Name}: an observation has {observation.FeatureCount} features, the environment says {env.FeatureCount}.");
            ulong outside = env.Facts.Count >= 64 ? 0 : observation.Facts.Bits >> env.Facts.Count;
            if (outside != 0)
                problems.Add($"{env.Name}: facts set beyond the {env.Facts.Count} of the schema.");
        }
        observation.WriteFeatures(features);
        return $"{observation.Facts.Bits:x} {Fingerprint(features):x}";
    }

    // FNV-1a over the features' bits: equal features give equal fingerprints, and a difference is all but
    // certain to show, without keeping every vector of a long rollout.
    private static ulong Fingerprint(ReadOnlySpan<float> features)
    {
        ulong hash = 14695981039346656037UL;
        foreach (float f in features)
            hash = (hash ^ (uint)BitConverter.SingleToInt32Bits(f)) * 1099511628211UL;
        return hash;
    }

    private static void CheckInvalidActions(IEnvironment env, int seed, List<string> problems)
    {
        env.Reset(seed);
        Expect<ArgumentOutOfRangeException>(() => env.Step(-1), $"{env.Name}: action -1", problems);
        Expect<ArgumentOutOfRangeException>(() => env.Step(env.Actions.Count), $"{env.Name}: action {env.Actions.Count}", problems);
    }

    private static void CheckClone(IEnvironment env, int seed, List<string> problems)
    {
        Observation start = env.Reset(seed).Observation;
        Observation clone = start.Clone();
        float[] before = clone.ToFeatureArray();
        Facts facts = clone.Facts;
        var rng = new Rng(unchecked((ulong)seed) + 1);
        for (int step = 0; step < 20; step++)
            if (env.Step(rng.NextInt(env.Actions.Count)).Done)
                break;
        if (!before.SequenceEqual(clone.ToFeatureArray()) || clone.Facts != facts)
            problems.Add($"{env.Name}: a cloned observation changed when the environment stepped.");
    }

    private static void Expect<TException>(Action action, string what, List<string> problems) where TException : Exception
    {
        try
        {
            action();
            problems.Add($"{what} did not throw {typeof(TException).Name}.");
        }
        catch (TException)
        {
        }
        catch (Exception e)
        {
            problems.Add($"{what} threw {e.GetType().Name} instead of {typeof(TException).Name}.");
        }
    }

    private static string Describe(List<string> records, int at) => at < records.Count ? records[at] : "(end)";
}
