using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Learners;

/// <summary>What an <see cref="ISkillLearner"/> may do to the agent's library.</summary>
public interface ISkillWorkshop
{
    /// <summary>The key of a state with <paramref name="features"/> (as skill keys and queries are made).</summary>
    float[] KeyOf(float[] features);

    /// <summary>The known skill that a segment with these conditions and start key demonstrates, or null.</summary>
    Skill? Find(FactCondition preconditions, FactCondition effect, float[] key);

    /// <summary>Adds <paramref name="steps"/> as one more demonstration of <paramref name="skill"/>, whose key moves towards <paramref name="key"/>.</summary>
    void AddDemonstration(Skill skill, IReadOnlyList<AgentStep> steps, float[] key);

    /// <summary>Makes a new skill from its first demonstration.</summary>
    void CreateSkill(FactCondition preconditions, FactCondition effect, IReadOnlyList<AgentStep> steps, float[] key);
}
