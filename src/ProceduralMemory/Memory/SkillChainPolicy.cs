using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// The policy of a composite skill, an option over options: run the child skills, named in <see cref="Children"/>,
/// in turn, each until its own effect holds. Its children are named rather than numbered so that the chain reads
/// the same in an export and means the same after an import that renumbers skills (names are unique in a library).
/// </summary>
/// <remarks>
/// A chain chooses no primitive action itself (<see cref="ChooseAction"/> answers null): the agent that runs a skill
/// runs a chain's children, each closed-loop as it runs any skill.
/// </remarks>
public sealed class SkillChainPolicy : ISkillPolicy
{
    private readonly string[] _children;

    /// <summary>Creates a chain of the skills named <paramref name="children"/>, in order.</summary>
    /// <exception cref="ArgumentException">Fewer than two children, or a blank name, or a name with a line break.</exception>
    public SkillChainPolicy(IEnumerable<string> children)
    {
        _children = children.ToArray();
        if (_children.Length < 2)
            throw new ArgumentException("A skill chain needs at least two children.", nameof(children));
        if (_children.Any(c => string.IsNullOrWhiteSpace(c) || c.Contains('\n')))
            throw new ArgumentException("A skill chain's children are skill names: not blank, without line breaks.", nameof(children));
    }

    /// <summary>The stored kind name.</summary>
    public const string KindName = "chain";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The names of the child skills, in the order they run.</summary>
    public IReadOnlyList<string> Children => _children;

    /// <inheritdoc />
    public int? ChooseAction(Observation observation, int step) => null;
}
