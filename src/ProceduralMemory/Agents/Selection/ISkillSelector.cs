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
}
