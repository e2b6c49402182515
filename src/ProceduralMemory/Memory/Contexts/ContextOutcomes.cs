namespace ProceduralMemory.Memory.Contexts;

/// <summary>
/// Uses and successes of each skill in each context (<see cref="SkillContexts"/>): what the skill's own
/// <see cref="SkillStatistics"/> sum over. A store keeps them too (schema 7); the agent commits what it adds.
/// </summary>
public sealed class ContextOutcomes
{
    private readonly Dictionary<int, SortedDictionary<int, (int Uses, int Successes)>> _bySkill = [];

    /// <summary>Counts one execution of skill <paramref name="skillId"/> started in <paramref name="context"/>.</summary>
    public void RecordUse(int skillId, int context, bool success)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (!_bySkill.TryGetValue(skillId, out var contexts))
            _bySkill[skillId] = contexts = [];
        var (uses, successes) = contexts.GetValueOrDefault(context);
        contexts[context] = (uses + 1, successes + (success ? 1 : 0));
    }

    /// <summary>Sets skill <paramref name="skillId"/>'s counts in <paramref name="context"/> (from a store's totals).</summary>
    public void Set(int skillId, int context, int uses, int successes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(uses, successes);
        if (!_bySkill.TryGetValue(skillId, out var contexts))
            _bySkill[skillId] = contexts = [];
        contexts[context] = (uses, successes);
    }

    /// <summary>Forgets skill <paramref name="skillId"/>'s counts (it left the library).</summary>
    public void Forget(int skillId) => _bySkill.Remove(skillId);

    /// <summary>Every count, by ascending skill id, then context.</summary>
    public IEnumerable<(int SkillId, int Context, int Uses, int Successes)> All =>
        _bySkill.OrderBy(s => s.Key).SelectMany(s => s.Value.Select(c => (s.Key, c.Key, c.Value.Uses, c.Value.Successes)));

    /// <summary>Skill <paramref name="skillId"/>'s uses and successes in <paramref name="context"/> (zeros when never used there).</summary>
    public (int Uses, int Successes) Of(int skillId, int context) =>
        _bySkill.TryGetValue(skillId, out var contexts) ? contexts.GetValueOrDefault(context) : default;

    /// <summary>Skill <paramref name="skillId"/>'s counts in every context it was used in, by ascending context.</summary>
    public IReadOnlyDictionary<int, (int Uses, int Successes)> ForSkill(int skillId) =>
        _bySkill.TryGetValue(skillId, out var contexts) ? contexts : new SortedDictionary<int, (int, int)>();
}
