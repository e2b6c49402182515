using ProceduralMemory.Memory;

namespace ProceduralMemory.Tools.Procedures.Consolidation;

/// <summary>
/// Active procedures that are variants of one procedure (one <see cref="Induction.SubgoalSignature"/>) and what
/// consolidating them gives: one procedure induced again from their pooled demonstrations, or why not.
/// </summary>
/// <param name="Signature">The sub-goal they serve, such as <c>cancel_pending_order(order_id,reason)</c>.</param>
/// <param name="Variants">Every active procedure of the signature, by id.</param>
/// <param name="Members">The variants merged (all of them, less those kept out); empty when the merge is refused.</param>
/// <param name="Merged">The procedure induced from the members' demonstrations, or null when refused.</param>
/// <param name="Refusal">Why the variants are not merged, or null.</param>
public sealed record ProcedureGroup(string Signature, IReadOnlyList<Skill> Variants, IReadOnlyList<Skill> Members, Procedure? Merged, string? Refusal)
{
    /// <summary>Variants left as they are: the merged procedure could not replay a demonstration of theirs that they replay.</summary>
    public IEnumerable<Skill> KeptOut => Variants.Where(v => !Members.Contains(v));

    /// <summary>The members' summed uses, successes and demonstrations: what the merged procedure starts with.</summary>
    public (int Uses, int Successes, int Demonstrations) Counts =>
        (Members.Sum(m => m.Statistics.Uses), Members.Sum(m => m.Statistics.Successes), Members.Sum(m => m.Statistics.Demonstrations));

    /// <summary>
    /// Members merged although the merged procedure does not replay their demonstration: they replayed it only literally,
    /// a constant of theirs standing where the merged procedure reads the value from the text or a result.
    /// </summary>
    public IReadOnlyList<Skill> Literal { get; init; } = [];

    /// <summary>The id and name of the procedure the members were merged into, once known (<see cref="ProcedureConsolidation"/> sets them).</summary>
    public (int Id, string Name)? Into { get; init; }
}
