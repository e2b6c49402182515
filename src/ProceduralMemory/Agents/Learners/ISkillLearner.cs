using ProceduralMemory.Learning;

namespace ProceduralMemory.Agents.Learners;

/// <summary>
/// Decides what an episode teaches: which stretches of it demonstrate a known skill and which make a new one. The
/// agent does the rest (networks, keys, the store) through <see cref="ISkillWorkshop"/>.
/// </summary>
public interface ISkillLearner
{
    /// <summary>Learns from <paramref name="episode"/> (<paramref name="succeeded"/>: it reached the goal).</summary>
    void Learn(IReadOnlyList<AgentStep> episode, bool succeeded, ISkillWorkshop workshop);
}
