using ProceduralMemory.Learning;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Training.Adaptation;

/// <summary>What <see cref="AdaptationBenchmark.Run"/> measures: the tasks, the skill, the layouts, the increments, the training of each arm.</summary>
public sealed record AdaptationBenchmarkSettings
{
    /// <summary>The task the skill is learned on.</summary>
    public string TaskA { get; init; } = "unlock";

    /// <summary>The changed task it must recover on.</summary>
    public string TaskB { get; init; } = "doorkey-8x8";

    /// <summary>The skill: the name of the sub-goal effect its pieces achieve.</summary>
    public string Skill { get; init; } = "open(door)";

    /// <summary>Layouts of task A the original learns from.</summary>
    public IReadOnlyList<int> TrainSeedsA { get; init; } = [.. Enumerable.Range(0, 200)];

    /// <summary>Held-out layouts of task A: the original return is measured there.</summary>
    public IReadOnlyList<int> TestSeedsA { get; init; } = [.. Enumerable.Range(100_000, 50)];

    /// <summary>Layouts of task B whose demonstrations are the new experience, fed in increments.</summary>
    public IReadOnlyList<int> ExperienceSeedsB { get; init; } = [.. Enumerable.Range(0, 256)];

    /// <summary>Held-out layouts of task B: every return on B is measured there.</summary>
    public IReadOnlyList<int> TestSeedsB { get; init; } = [.. Enumerable.Range(100_000, 50)];

    /// <summary>Numbers of task B demonstrations each arm learns from, increasing.</summary>
    public IReadOnlyList<int> Increments { get; init; } = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    /// <summary>Run seeds: each draws the networks' initialisation and the order the experience comes in.</summary>
    public IReadOnlyList<ulong> Seeds { get; init; } = [1, 2, 3];

    /// <summary>Fraction of the original return that counts as recovered.</summary>
    public double Target { get; init; } = 0.9;

    /// <summary>Hidden layer sizes of every network (the agent's default).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [64];

    /// <summary>How the original learns task A, and how a fresh network learns task B from scratch.</summary>
    public BehaviourCloningOptions Cloning { get; init; } = new() { Epochs = 60, BatchSize = 32, LearningRate = 3e-3f };

    /// <summary>How a copy of the original is adapted.</summary>
    public SkillAdaptationOptions Adaptation { get; init; } = new();

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        Cloning.Validate();
        Adaptation.Validate();
        if (Increments.Count == 0 || Increments.Any(n => n <= 0) || Increments.Zip(Increments.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException("Increments must be positive and increasing.", nameof(Increments));
        if (Seeds.Count == 0)
            throw new ArgumentException("At least one run seed is needed.", nameof(Seeds));
        if (!(Target is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(Target), Target, "Must be in (0, 1].");
    }
}
