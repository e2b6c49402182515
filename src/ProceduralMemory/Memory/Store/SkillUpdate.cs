using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A change to one stored skill. Counters are increments, applied atomically, so concurrent writers add up;
/// the key, step limit and policy are replaced when given (the last writer's network wins: it is a model, not a count).
/// </summary>
public sealed record SkillUpdate(int Id)
{
    /// <summary>Executions to add.</summary>
    public int AddUses { get; init; }

    /// <summary>Successful executions to add.</summary>
    public int AddSuccesses { get; init; }

    /// <summary>Demonstrations seen to add.</summary>
    public int AddDemonstrations { get; init; }

    /// <summary>A new key, or <c>null</c> to keep the stored one.</summary>
    public float[]? Key { get; init; }

    /// <summary>A new step limit, or <c>null</c> to keep the stored one.</summary>
    public int? StepLimit { get; init; }

    /// <summary>A new policy, or <c>null</c> to keep the stored one.</summary>
    public StoredPolicy? Policy { get; init; }

    /// <summary>Demonstrations to append (oldest first); retention then drops the oldest kept ones.</summary>
    public IReadOnlyList<IReadOnlyList<AgentStep>> NewDemonstrations { get; init; } = [];

    /// <summary>Retires the skill for this reason (replacing an earlier retirement's), or <c>null</c> to leave its state.</summary>
    public SkillRetirement? Retire { get; init; }

    /// <summary>
    /// Starts the skill's trial afresh: it becomes active if it was retired (a restore), and its counts after this
    /// update's additions become its trial start (<see cref="SkillRecord.TrialStartUses"/>), so retirement judges only
    /// the uses after. The agent starts one at every new demonstration. Not together with <see cref="Retire"/>.
    /// </summary>
    public bool StartTrial { get; init; }

    /// <summary>True when the update changes nothing.</summary>
    public bool IsEmpty => AddUses == 0 && AddSuccesses == 0 && AddDemonstrations == 0 && Key is null && StepLimit is null
        && Policy is null && NewDemonstrations.Count == 0 && Retire is null && !StartTrial;
}
