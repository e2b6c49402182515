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

    /// <summary>Resets <paramref name="environment"/> (with <paramref name="seed"/>, if given) and starts recording.</summary>
    public EpisodeRecorder(IEnvironment environment, int? seed = null)
    {
        _environment = environment;
        Observation = environment.Reset(seed).Observation;
    }

    /// <summary>The latest observation (owned by the environment: clone it to keep it).</summary>
    public Observation Observation { get; private set; }

    /// <summary>Every step so far.</summary>
    public IReadOnlyList<Transition> Transitions => _transitions;

    /// <summary>The sum of rewards so far.</summary>
    public double Return { get; private set; }

    /// <summary>The task ended.</summary>
    public bool Terminated { get; private set; }

    /// <summary>The time limit ended the episode.</summary>
    public bool Truncated { get; private set; }

    /// <summary>True once the episode ended either way.</summary>
    public bool IsOver => Terminated || Truncated;

    /// <summary>Takes <paramref name="action"/> and records the transition.</summary>
    public StepResult Step(int action)
    {
        Observation before = Observation.Clone();
        StepResult step = _environment.Step(action);
        Observation = step.Observation;
        _transitions.Add(new Transition(before, action, step.Reward, Observation.Clone(), step.Terminated, step.Truncated));
        Return += step.Reward;
        Terminated = step.Terminated;
        Truncated = step.Truncated;
        return step;
    }
}
