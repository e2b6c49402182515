using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory.Domains;

/// <summary>
/// The part of a domain that stores and exports need whatever its types are: its name (recorded in a library's
/// manifest) and its rule for when two skills are the same skill.
/// </summary>
public interface ISkillDomain
{
    /// <summary>The name recorded in a library's manifest, such as <c>grid</c>.</summary>
    string Name { get; }

    /// <summary>
    /// What makes a skill itself: two skills with the same identity are one skill (a later one is one more
    /// demonstration of it), and a library holds one skill per identity.
    /// </summary>
    /// <param name="preconditions">The skill's preconditions.</param>
    /// <param name="effect">The skill's effect.</param>
    /// <param name="policyKind">Its policy's kind.</param>
    /// <param name="policy">Its policy's bytes, for a rule that tells procedures apart by what they do.</param>
    string IdentityOf(FactCondition preconditions, FactCondition effect, string policyKind, ReadOnlySpan<byte> policy);
}
