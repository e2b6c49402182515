using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// The seed's policy: replay a recorded action sequence regardless of what is observed.
/// It only works from the exact state it was recorded in (SEED_SPEC defect 4), which is why it stays one
/// policy kind among others rather than the definition of a skill.
/// </summary>
public sealed class OpenLoopPolicy : ISkillPolicy
{
    private readonly int[] _actions;

    /// <summary>Creates a policy that replays <paramref name="actions"/>.</summary>
    public OpenLoopPolicy(IEnumerable<int> actions)
    {
        _actions = actions.ToArray();
        if (_actions.Length == 0)
            throw new ArgumentException("An open-loop policy needs at least one action.", nameof(actions));
    }

    /// <summary>The stored kind name.</summary>
    public const string KindName = "open-loop";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>The recorded action sequence.</summary>
    public IReadOnlyList<int> Actions => _actions;

    /// <inheritdoc />
    public int? ChooseAction(Observation observation, int step) => step < _actions.Length ? _actions[step] : null;
}
