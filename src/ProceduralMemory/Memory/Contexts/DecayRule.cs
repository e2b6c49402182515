namespace ProceduralMemory.Memory.Contexts;

/// <summary>
/// Decay, the gradual step before retirement: a skill used at least <see cref="MinUses"/> times in its current trial
/// (<see cref="Skill.TrialStart"/>) that succeeded less often than <see cref="Below"/> of them has its selection weight
/// halved for every <see cref="HalfLife"/> failures of the trial. The selector adds the weight's logarithm to the
/// skill's score, so the skill's share of a softmax over scores is scaled by the weight: it is tried less and less
/// while it keeps failing, and a success that lifts it back above the rate restores it.
/// </summary>
public sealed record DecayRule
{
    /// <summary>Skills succeeding less often than this (0..1) over their trial's uses decay.</summary>
    public double Below { get; init; } = 0.2;

    /// <summary>Uses in the trial before a rate is evidence enough to decay on.</summary>
    public int MinUses { get; init; } = 5;

    /// <summary>Failures (in the trial) that halve the weight.</summary>
    public double HalfLife { get; init; } = 10;

    /// <summary>
    /// The selection weight, in (0, 1], of a skill with <paramref name="uses"/> and <paramref name="successes"/> in its
    /// trial: 1 while it is not (yet) rarely successful, else 0.5 to the power failures over <see cref="HalfLife"/>.
    /// For fixed successes it never rises as failures grow.
    /// </summary>
    public double WeightOf(int uses, int successes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(uses, successes);
        if (uses < MinUses || successes >= Below * uses)
            return 1.0;
        return Math.Pow(0.5, (uses - successes) / HalfLife);
    }

    /// <summary>The weight of <paramref name="skill"/> now (<see cref="WeightOf(int, int)"/> over its trial's uses).</summary>
    public double WeightOf(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return WeightOf(skill.Statistics.Uses - skill.TrialStart.Uses, skill.Statistics.Successes - skill.TrialStart.Successes);
    }
}
