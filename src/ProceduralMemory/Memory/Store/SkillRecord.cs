using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory.Store;

/// <summary>A skill as a store keeps it: every field of a <see cref="Skill"/> as plain data (demonstrations are read separately).</summary>
public sealed record SkillRecord
{
    /// <summary>The store's identifier (never reused); -1 before the store has assigned one.</summary>
    public int Id { get; init; } = -1;

    /// <summary>The skill's name.</summary>
    public required string Name { get; init; }

    /// <summary>Where the skill may start.</summary>
    public required FactCondition Preconditions { get; init; }

    /// <summary>What the skill achieves.</summary>
    public required FactCondition Effect { get; init; }

    /// <summary>How the skill acts.</summary>
    public required StoredPolicy Policy { get; init; }

    /// <summary>The key the skill is retrieved by.</summary>
    public required float[] Key { get; init; }

    /// <summary>Steps an execution may take before it counts as failed.</summary>
    public required int StepLimit { get; init; }

    /// <summary>Times executed.</summary>
    public int Uses { get; init; }

    /// <summary>Executions that reached the effect.</summary>
    public int Successes { get; init; }

    /// <summary>Demonstrations seen (kept or not).</summary>
    public int Demonstrations { get; init; } = 1;

    /// <summary>
    /// The library's episode count when the skill was created (set by the store, counting the episodes of the commit
    /// that creates it): its age is measured in episodes since.
    /// </summary>
    public long CreatedEpisode { get; init; }

    /// <summary>Why and when the skill was retired, or <c>null</c> while it is active (the skill lifecycle, <see cref="RetirementRule"/>).</summary>
    public SkillRetirement? Retired { get; init; }

    /// <summary>Its uses when its current trial began, at its last new demonstration or restore (0 before either): retirement judges only the uses after.</summary>
    public int TrialStartUses { get; init; }

    /// <summary>Its successes when its current trial began.</summary>
    public int TrialStartSuccesses { get; init; }

    /// <summary>
    /// Which variant of its preconditions and effect the skill is (schema 6), or <c>null</c> for the base skill: part of
    /// its identity, so a variant is stored beside its original, and two writers making the same variant (the same label,
    /// derived from what made it, e.g. <c>context 3</c>) still make one skill.
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>The change number of the skill's last write (set by the store).</summary>
    public long Change { get; init; }

    /// <summary>The skill's identity under <paramref name="domain"/>'s rule: one skill per identity in a library (the grid's is preconditions plus effect).</summary>
    /// <remarks>A variant's identity is the domain's followed by its label, so a base skill's identity is what it was before variants.</remarks>
    public string IdentityUnder(Domains.ISkillDomain domain) =>
        Variant is null
            ? domain.IdentityOf(Preconditions, Effect, Policy.Kind, Policy.Data)
            : $"{domain.IdentityOf(Preconditions, Effect, Policy.Kind, Policy.Data)} variant {Variant}";

    /// <summary>The record of <paramref name="skill"/> (its id, definition and statistics).</summary>
    public static SkillRecord Of(Skill skill) => new()
    {
        Id = skill.Id,
        Name = skill.Name,
        Preconditions = skill.Preconditions,
        Effect = skill.Effect,
        Policy = StoredPolicy.Of(skill.Policy),
        Key = (float[])skill.Key.Clone(),
        StepLimit = skill.Termination.StepLimit,
        Uses = skill.Statistics.Uses,
        Successes = skill.Statistics.Successes,
        Demonstrations = skill.Statistics.Demonstrations,
        Retired = skill.Retirement,
        TrialStartUses = skill.TrialStart.Uses,
        TrialStartSuccesses = skill.TrialStart.Successes,
        Variant = skill.Variant,
    };

    /// <summary>A live skill with this record's id, definition and statistics; its policy is built from data, never run as code.</summary>
    public Skill ToSkill()
    {
        var skill = new Skill(Name, Preconditions, Effect, Policy.ToPolicy(), new SkillTermination(Effect, StepLimit), (float[])Key.Clone());
        skill.Statistics.Restore(Uses, Successes, Demonstrations);
        skill.Id = Id;
        skill.Retirement = Retired;
        skill.TrialStart = (TrialStartUses, TrialStartSuccesses);
        skill.Variant = Variant;
        return skill;
    }
}
