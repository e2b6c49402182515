using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Training.Transfer;

/// <summary>
/// PPO as a curriculum learner: one pair of networks (one monolithic policy) carried from task to task
/// (<see cref="PpoAgent.MoveTo"/>), the modular library's opposite in the retention benchmark.
/// </summary>
public sealed class PpoLearner(PpoOptions options) : ICurriculumLearner
{
    private PpoAgent? _agent;

    /// <inheritdoc />
    public string Name => "ppo";

    /// <inheritdoc />
    public ILearningAgent AgentFor(IEnvironment environment)
    {
        if (_agent is null)
            _agent = new PpoAgent(environment, options);
        else
            _agent.MoveTo(environment);
        return _agent;
    }
}
