using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Learners;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Agents.Selection;

namespace ProceduralMemory.Agents;

/// <summary>
/// The parts a <see cref="ProceduralMemoryAgent"/> is built from. Each one left null is the default for the
/// environment and options: the environment's perception (<see cref="Perceptions.For"/>), the explorer that fits it
/// (<see cref="Explorers.For"/>), a <see cref="RankedSkillSelector"/> and a <see cref="SubgoalSkillLearner"/>.
/// </summary>
public sealed record AgentParts
{
    /// <summary>Makes the agent's perception.</summary>
    public IPerceptionProvider? Perception { get; init; }

    /// <summary>Chooses actions when no skill runs.</summary>
    public IExplorer? Explorer { get; init; }

    /// <summary>Chooses the skill to run.</summary>
    public ISkillSelector? Selector { get; init; }

    /// <summary>Turns episodes into skills and demonstrations.</summary>
    public ISkillLearner? Learner { get; init; }
}
