using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Training.Transfer;

/// <summary>
/// The procedural memory agent as a curriculum learner: one skill library, in <paramref name="store"/>, for every
/// task. Each agent reads back all the store holds (skills, their networks and demonstrations, learned action
/// outcomes) and commits what it learns after every training episode, so the next task's agent starts from it.
/// </summary>
public sealed class ProceduralMemoryLearner(ISkillStore store, ProceduralMemoryAgentOptions options) : ICurriculumLearner
{
    /// <inheritdoc />
    public string Name => "procmem";

    /// <inheritdoc />
    public ILearningAgent AgentFor(IEnvironment environment) => new ProceduralMemoryAgent(environment, options, store);
}
