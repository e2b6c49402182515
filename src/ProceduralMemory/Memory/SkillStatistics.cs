namespace ProceduralMemory.Memory;

/// <summary>How a skill has fared: executions, successful executions, and demonstrations merged into it.</summary>
/// <remarks>
/// Fixes SEED_SPEC defect 1: the seed bumped its success count on every near-duplicate merge as well as on
/// every successful use, so its success rate reached 207%. Here a merge is evidence that the procedure works
/// (<see cref="Demonstrations"/>), never a use, so <see cref="Successes"/> &lt;= <see cref="Uses"/> always holds
/// and <see cref="SuccessRate"/> stays within [0, 1].
/// </remarks>
public sealed class SkillStatistics
{
    /// <summary>Times the skill was executed.</summary>
    public int Uses { get; private set; }

    /// <summary>Executions that succeeded; never more than <see cref="Uses"/>.</summary>
    public int Successes { get; private set; }

    /// <summary>Demonstrations of the procedure: the one it was created from plus every merged near-duplicate.</summary>
    public int Demonstrations { get; private set; } = 1;

    /// <summary>Successes over uses, or 0 for a skill never used.</summary>
    public double SuccessRate => Uses == 0 ? 0.0 : (double)Successes / Uses;

    /// <summary>Counts one execution and whether it succeeded.</summary>
    public void RecordUse(bool success)
    {
        Uses++;
        if (success)
            Successes++;
    }

    /// <summary>Counts one more demonstration (a near-duplicate merged into this skill).</summary>
    public void RecordDemonstration() => Demonstrations++;

    /// <summary>Sets the counts read back from a store (where other processes may have added to them).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or successes exceed uses.</exception>
    public void Restore(int uses, int successes, int demonstrations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(uses);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(demonstrations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, uses);
        (Uses, Successes, Demonstrations) = (uses, successes, demonstrations);
    }
}
