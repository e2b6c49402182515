using ProceduralMemory.Agents;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Training;

/// <summary>
/// Plays one episode step by step and records it: the current observation, every transition (with snapshots
/// of the observations), the return so far, and whether the episode is over.
/// </summary>
public sealed class EpisodeRecorder
{
    private readonly IEnvironment _environment;
    private readonly List<Transition> _transitions = [];

    /// <summary>
    /// Resets <paramref name="environment"/> (with <paramref name="seed"/>, if given) and starts recording an episode
    /// of at most <paramref name="stepLimit"/> steps.
    /// </summary>
    /// <remarks>
    /// The step limit is the caller's budget (a training run's remaining steps, an agent's <c>maxSteps</c>), apart
    /// from the environment's own time limit: reaching it ends the episode without setting <see cref="Truncated"/>.
    /// </remarks>
    public EpisodeRecorder(IEnvironment environment, int? seed = null, int stepLimit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stepLimit);
        _environment = environment;
        StepLimit = stepLimit;
        Observation = environment.Reset(seed).Observation;
    }

    /// <summary>The most steps this episode may take.</summary>
    public int StepLimit { get; }

    /// <summary>The latest observation (owned by the environment: clone it to keep it).</summary>
    public Observation Observation { get; private set; }

    /// <summary>Every step so far.</summary>
    public IReadOnlyList<Transition> Transitions => _transitions;

    /// <summary>The sum of rewards so far.</summary>
    public double Return { get; private set; }

    /// <summary>The task ended (in success or failure).</summary>
    public bool Terminated { get; private set; }

    /// <summary>The task ended in success (<see cref="StepResult.IsSuccess"/>).</summary>
    public bool Succeeded { get; private set; }

    /// <summary>The environment's time limit ended the episode.</summary>
    public bool Truncated { get; private set; }

    /// <summary>True once the episode ended either way, or <see cref="StepLimit"/> steps were taken.</summary>
    public bool IsOver => Terminated || Truncated || _transitions.Count >= StepLimit;

    /// <summary>Takes <paramref name="action"/> and records the transition.</summary>
    /// <exception cref="InvalidOperationException">The episode is over.</exception>
    public StepResult Step(int action)
    {
        // The environment guards its own end, but not the caller's budget.
        if (_transitions.Count >= StepLimit)
            throw new InvalidOperationException($"The episode's step limit of {StepLimit} is used up.");
        Observation before = Observation.Clone();
        StepResult step = _environment.Step(action);
        Observation = step.Observation;
        _transitions.Add(new Transition(before, action, step.Reward, Observation.Clone(), step.Terminated, step.Truncated));
        Return += step.Reward;
        Terminated = step.Terminated;
        Succeeded = step.IsSuccess;
        Truncated = step.Truncated;
        return step;
    }

    /// <summary>The episode so far as a summary, with <paramref name="skillUses"/> skill executions.</summary>
    public EpisodeSummary Summary(int skillUses = 0) => new(Return, _transitions.Count, Succeeded, skillUses);
}
