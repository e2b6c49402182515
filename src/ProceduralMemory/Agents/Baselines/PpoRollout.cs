namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// One rollout of PPO: what each of several lockstep environments saw and did for a number of steps, stored
/// step-major (sample <c>t · Lanes + e</c> is environment <c>e</c>'s step <c>t</c>), with the advantages and return
/// targets computed from it. Preallocated once, refilled every rollout.
/// </summary>
internal sealed class PpoRollout
{
    public PpoRollout(int lanes, int steps, int featureCount)
    {
        Lanes = lanes;
        Capacity = checked(lanes * steps);
        FeatureCount = featureCount;
        Features = new float[checked(Capacity * featureCount)];
        Actions = new int[Capacity];
        LogProbabilities = new float[Capacity];
        Values = new float[Capacity];
        Rewards = new float[Capacity];
        Dones = new bool[Capacity];
        Advantages = new float[Capacity];
        Returns = new float[Capacity];
        LastValues = new float[lanes];
        Order = new int[Capacity];
    }

    /// <summary>Environments stepped together.</summary>
    public int Lanes { get; }

    /// <summary>Samples the rollout holds when full.</summary>
    public int Capacity { get; }

    /// <summary>Length of one sample's features.</summary>
    public int FeatureCount { get; }

    /// <summary>Each sample's observation features, <see cref="FeatureCount"/> each.</summary>
    public float[] Features { get; }

    /// <summary>Each sample's action.</summary>
    public int[] Actions { get; }

    /// <summary>Each action's log-probability under the collecting policy.</summary>
    public float[] LogProbabilities { get; }

    /// <summary>The critic's value of each sample's observation when collected.</summary>
    public float[] Values { get; }

    /// <summary>Each step's reward, plus γ·V(next) where a time limit cut the episode.</summary>
    public float[] Rewards { get; }

    /// <summary>Whether each step ended its episode (for any reason).</summary>
    public bool[] Dones { get; }

    /// <summary>Each sample's advantage (<see cref="GeneralisedAdvantage"/>).</summary>
    public float[] Advantages { get; }

    /// <summary>Each sample's return target for the critic.</summary>
    public float[] Returns { get; }

    /// <summary>The value of the observation after each lane's last step (0 where that step ended the episode).</summary>
    public float[] LastValues { get; }

    /// <summary>Scratch for the minibatch order.</summary>
    public int[] Order { get; }

    /// <summary>The features of sample <paramref name="sample"/>.</summary>
    public Span<float> FeaturesOf(int sample) => Features.AsSpan(sample * FeatureCount, FeatureCount);
}
