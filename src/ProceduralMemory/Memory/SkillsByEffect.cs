using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// A library's active skills grouped by effect, each group by ascending id, kept up to date as skills are added,
/// retired, restored and removed (<see cref="SkillLibrary.ActiveSkillsWithEffect"/>): attention retrieval asks for the
/// skills serving one effect on every action a network chooses, and a scan of every active skill would make that cost
/// grow with skills that achieve something else.
/// </summary>
internal sealed class SkillsByEffect
{
    private readonly Dictionary<FactCondition, List<Skill>> _groups = [];

    /// <summary>The active skills whose effect is <paramref name="effect"/>, by ascending id (empty when none).</summary>
    public IReadOnlyList<Skill> With(FactCondition effect) => _groups.TryGetValue(effect, out List<Skill>? group) ? group : [];

    /// <summary>Files <paramref name="skill"/> under its effect, in id order; a skill already filed is not filed twice.</summary>
    public void Add(Skill skill)
    {
        if (!_groups.TryGetValue(skill.Effect, out List<Skill>? group))
            _groups[skill.Effect] = group = [];
        int at = SkillIdOrder.IndexOf(group, skill.Id);
        if (at < 0)
            group.Insert(~at, skill);
    }

    /// <summary>Takes <paramref name="skill"/> (by id) out of its effect's group, if it is there.</summary>
    public void Remove(Skill skill)
    {
        if (!_groups.TryGetValue(skill.Effect, out List<Skill>? group))
            return;
        int at = SkillIdOrder.IndexOf(group, skill.Id);
        if (at < 0)
            return;
        group.RemoveAt(at);
        if (group.Count == 0)
            _groups.Remove(skill.Effect);
    }
}
