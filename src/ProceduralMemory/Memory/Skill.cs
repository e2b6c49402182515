using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// A reusable procedure, modelled as an option (Sutton, Precup and Singh 1999): where it may start
/// (<see cref="Preconditions"/>), how it acts (<see cref="Policy"/>), when it stops (<see cref="Termination"/>),
/// plus the key it is retrieved by and how it has fared.
/// </summary>
public sealed class Skill
{
    /// <summary>Creates a skill not yet in any library (its <see cref="Id"/> is -1 until added).</summary>
    public Skill(string name, FactCondition preconditions, FactCondition effect, ISkillPolicy policy,
        SkillTermination termination, float[] key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || !key.All(float.IsFinite))
            throw new ArgumentException("A skill key must be a non-empty vector of finite numbers.", nameof(key));
        Name = name;
        Preconditions = preconditions;
        Effect = effect;
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        Termination = termination ?? throw new ArgumentNullException(nameof(termination));
        Key = key;
    }

    /// <summary>The library's identifier: insertion order, used as the deterministic tie-break in retrieval.</summary>
    public int Id { get; internal set; } = -1;

    /// <summary>
    /// A human-readable name such as <c>open_door_sequence</c>. A store may give a new skill another name than the
    /// one it was made with (names are unique in a library, <see cref="Store.SkillNames"/>): the agent then takes it.
    /// </summary>
    public string Name { get; internal set; }

    /// <summary>The facts that must hold for the skill to be applicable (the option's initiation set).</summary>
    public FactCondition Preconditions { get; }

    /// <summary>The facts the skill changed when it was demonstrated (what it achieves).</summary>
    public FactCondition Effect { get; }

    /// <summary>How the skill chooses actions.</summary>
    public ISkillPolicy Policy { get; }

    /// <summary>When an execution stops (a learner may widen the step bound as longer demonstrations arrive).</summary>
    public SkillTermination Termination { get; set; }

    /// <summary>
    /// The embedding the skill is retrieved by (the key of the key-value memory). Once the skill is in a library,
    /// change it only through <see cref="SkillLibrary.UpdateKey"/>: the library's index keeps a copy.
    /// </summary>
    public float[] Key { get; }

    /// <summary>Uses, successes and demonstrations.</summary>
    public SkillStatistics Statistics { get; } = new();

    /// <summary>
    /// Why and when the skill was retired, or <c>null</c> while it is active. A retired skill stays in its library but is
    /// not retrieved or selected; change it only through <see cref="SkillLibrary.Retire"/> and <see cref="SkillLibrary.StartTrial"/>.
    /// </summary>
    public SkillRetirement? Retirement { get; internal set; }

    /// <summary>True when the skill is retired (<see cref="Retirement"/>).</summary>
    public bool IsRetired => Retirement is not null;

    /// <summary>
    /// Its uses and successes when its current trial began: its last new demonstration or restore from retirement
    /// (zeros before either). The <see cref="RetirementRule"/> judges only the uses after them.
    /// </summary>
    public (int Uses, int Successes) TrialStart { get; internal set; }

    /// <summary>
    /// Which variant of its preconditions and effect this skill is, or <c>null</c> for the base skill: a store keeps a
    /// variant beside its original (<see cref="Store.SkillRecord.Variant"/>). Set once, when the variant is made.
    /// </summary>
    public string? Variant { get; internal set; }

    /// <summary>True when every precondition holds in <paramref name="facts"/>.</summary>
    public bool IsApplicable(Facts facts) => Preconditions.IsSatisfiedBy(facts);

    /// <inheritdoc />
    public override string ToString() => $"#{Id} {Name}";
}
