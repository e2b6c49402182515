using System.Globalization;

namespace ProceduralMemory.Memory;

/// <summary>
/// The skill lifecycle's retirement rule: a skill used at least <see cref="MinUses"/> times in its current trial
/// that succeeded less often than <see cref="MinSuccessRate"/> over those uses is retired. A trial begins when the
/// skill is created, demonstrated again or restored (<see cref="Skill.TrialStart"/>): a skill that is still being
/// demonstrated is still being learned (its network is young and fails at first), and a restored one gets a fresh
/// chance instead of being retired again at once. What is retired is a skill that keeps failing with no new evidence.
/// </summary>
/// <remarks>
/// The defaults (20% over 50 uses) are issue 18's target. Judged on executions only, never on time, so a seeded
/// run retires the same skills at the same episodes.
/// </remarks>
public sealed record RetirementRule
{
    /// <summary>Skills succeeding less often than this (0..1) over their judged uses are retired.</summary>
    public double MinSuccessRate { get; init; } = 0.2;

    /// <summary>Only skills with at least this many uses in their current trial are judged (a rate from a few uses is not evidence).</summary>
    public int MinUses { get; init; } = 50;

    /// <summary>
    /// The retirement of <paramref name="skill"/> at library episode <paramref name="episode"/> if the rule retires it;
    /// <c>null</c> when it is already retired or not (yet) failing. The arithmetic is <see cref="Store.PruneRule"/>'s:
    /// successes compared with the rate times uses.
    /// </summary>
    public SkillRetirement? Judge(Skill skill, long episode)
    {
        ArgumentNullException.ThrowIfNull(skill);
        if (skill.IsRetired)
            return null;
        int uses = skill.Statistics.Uses - skill.TrialStart.Uses;
        int successes = skill.Statistics.Successes - skill.TrialStart.Successes;
        if (uses < MinUses || successes >= MinSuccessRate * uses)
            return null;
        string since = skill.TrialStart.Uses > 0 ? " since its last demonstration or restore" : "";
        return new SkillRetirement(episode, string.Create(CultureInfo.InvariantCulture,
            $"succeeded {successes} of {uses} uses{since} ({(double)successes / uses:0.0%}), below {MinSuccessRate:0.#%} after {MinUses} uses"));
    }
}
