using ProceduralMemory.Agents;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Training.Transfer;

/// <summary>
/// A learner taken through a sequence of tasks: every agent it gives acts in one environment but learns into, and
/// draws on, the same memory (a skill library, a network's weights), so what it learned on one task is there for the
/// next. Implement it to put an agent of your own through <see cref="TransferRun"/>.
/// </summary>
public interface ICurriculumLearner
{
    /// <summary>The learner's name in reports (<c>procmem</c>, <c>ppo</c>, ...).</summary>
    string Name { get; }

    /// <summary>An agent for <paramref name="environment"/> over this learner's memory as it stands now.</summary>
    ILearningAgent AgentFor(IEnvironment environment);
}
