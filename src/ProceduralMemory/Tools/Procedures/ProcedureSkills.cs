using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// Procedures as skills: a procedure becomes a <see cref="Skill"/> keyed by the embedding of its purpose, with a
/// <see cref="ProcedurePolicy"/>, so the library's index retrieves it, its statistics count its runs and its stores keep it.
/// </summary>
public static class ProcedureSkills
{
    /// <summary>How many calls one for-each step counts for in a skill's step limit (a task names a handful of items).</summary>
    public const int ForEachCalls = 16;

    /// <summary>
    /// The skill of <paramref name="procedure"/>: named after the tools it changes state with (<see cref="NameOf"/>), keyed by
    /// <paramref name="keys"/>' embedding of its <see cref="Procedure.Purpose"/>, applicable anywhere (no facts: the key
    /// alone selects it), stopping when its steps are done (<see cref="StepLimitOf"/>), and counting its demonstrations.
    /// </summary>
    /// <exception cref="InvalidDataException">The procedure is not well formed (<see cref="ProcedurePolicyCodec.Validate"/>).</exception>
    public static Skill Create(Procedure procedure, IKeyProvider<string> keys)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(keys);
        ProcedurePolicyCodec.Validate(procedure);
        var skill = new Skill(NameOf(procedure), FactCondition.Always, FactCondition.Always, new ProcedurePolicy(procedure),
            new SkillTermination(Goal: null, StepLimitOf(procedure)), keys.KeyOf(procedure.Purpose));
        skill.Statistics.Restore(0, 0, procedure.Demonstrations.Count);
        return skill;
    }

    /// <summary>The procedure <paramref name="skill"/> runs.</summary>
    /// <exception cref="ArgumentException">The skill's policy is not a procedure.</exception>
    public static Procedure ProcedureOf(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return skill.Policy is ProcedurePolicy policy
            ? policy.Procedure
            : throw new ArgumentException($"Skill '{skill.Name}' has a policy of kind '{skill.Policy.Kind}', not a procedure.", nameof(skill));
    }

    /// <summary>
    /// A skill name for <paramref name="procedure"/>: the tools of its state-changing steps joined by <c>+</c>
    /// (<c>return_delivered_order_items</c>, <c>modify_pending_order_address+modify_user_address</c>), or its last tool when
    /// none changes state. Another procedure for the same tools is stored as <c>name#2</c> (<see cref="Memory.Store.SkillNames"/>).
    /// </summary>
    public static string NameOf(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var changes = procedure.Steps.Where(s => s.ChangesState).Select(s => s.Tool).Distinct(StringComparer.Ordinal).ToList();
        return changes.Count > 0 ? string.Join('+', changes) : procedure.Steps[^1].Tool;
    }

    /// <summary>The most calls a run of <paramref name="procedure"/> makes: one per step, <see cref="ForEachCalls"/> per for-each step.</summary>
    public static int StepLimitOf(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return procedure.Steps.Sum(s => s.ForEach is null ? 1 : ForEachCalls);
    }
}
