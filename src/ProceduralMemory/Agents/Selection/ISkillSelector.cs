using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Selection;

/// <summary>Picks the skill to run, if any, from the library, given what the agent perceives.</summary>
public interface ISkillSelector
{
    /// <summary>
    /// The skill to run now, or null to explore. <paramref name="query"/> is the current state's key (the encoded
    /// features); <paramref name="explore"/> is true while learning, when trying uncertain skills pays.
    /// </summary>
    Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore);

    /// <summary>
    /// The skill to run now towards <paramref name="goal"/>, the task's goal as the observation states it (null when
    /// it states none). By default the goal is ignored.
    /// </summary>
    Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore, FactCondition? goal) =>
        Choose(library, facts, query, explore);
}
