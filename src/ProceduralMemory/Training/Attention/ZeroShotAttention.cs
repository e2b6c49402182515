using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Training.Attention;

/// <summary>
/// Measurement (b) of issue 18: zero-shot return on tasks a library never trained on, with attention retrieval
/// against top-1. For one seed, one procedural memory agent per training task learns into one library; then, learning
/// off, every task is played on the held-out layouts of <see cref="AttentionPlan.EvaluationSeeds"/> by agents reading
/// that same library, in two settings (the default agent, and one whose skill networks act where the explorer has no
/// plan) with top-1 and with attention. Everything is a function of the plan and the seed.
/// </summary>
public static class ZeroShotAttention
{
    /// <summary>The default agent: a running skill explores where the explorer cannot plan to its effect.</summary>
    public const string DefaultSetting = "default";

    /// <summary>
    /// <see cref="ProceduralMemoryAgentOptions.ExploreForUnplannedSkills"/> off: where the explorer has no plan, the
    /// skill's network acts, so retrieval decides those actions.
    /// </summary>
    public const string NetworksActSetting = "networks_act";

    /// <summary>Both settings, in the order they are reported.</summary>
    public static IReadOnlyList<string> Settings { get; } = [DefaultSetting, NetworksActSetting];

    /// <summary>
    /// Trains a library into <paramref name="store"/> (new and empty) with seed <paramref name="seed"/> and compares
    /// top-1 with attention on every task, training tasks first; <paramref name="progress"/> hears a line per step.
    /// </summary>
    public static IReadOnlyList<AttentionComparison> Run(AttentionPlan plan, ISkillStore store, int seed, Action<string>? progress = null)
    {
        var trainingOptions = new ProceduralMemoryAgentOptions { Seed = (ulong)seed };
        foreach (string task in plan.TrainingTasks)
        {
            IEnvironment environment = EnvironmentRegistry.Create(task);
            var agent = new ProceduralMemoryAgent(environment, trainingOptions, store);
            LearningRun.Train(agent, new TrainingPlan
            {
                MaxSteps = plan.StepsPerTask,
                TrainingSeed = seed,
                Split = LayoutSplit.Of(environment, plan.EvaluationSeeds),
                EpisodeStepLimit = environment.MaxSteps,
            });
            progress?.Invoke($"seed {seed}: trained on {task} ({plan.StepsPerTask:N0} steps), {agent.Library.Count} skills");
        }

        var comparisons = new List<AttentionComparison>();
        foreach (string setting in Settings)
        {
            ProceduralMemoryAgentOptions topOne = trainingOptions with { ExploreForUnplannedSkills = setting == DefaultSetting };
            foreach ((string task, bool changed) in plan.TrainingTasks.Select(t => (t, false)).Concat(plan.ChangedTasks.Select(t => (t, true))))
            {
                IEnvironment environment = EnvironmentRegistry.Create(task);
                IReadOnlyList<int> layouts = LayoutSplit.Of(environment, plan.EvaluationSeeds).TestSeeds;
                EvaluationResult withTopOne = LearningRun.Evaluate(new ProceduralMemoryAgent(environment, topOne, store), layouts, environment.MaxSteps);
                var attending = new ProceduralMemoryAgent(environment, topOne with { Attention = plan.Attention }, store);
                EvaluationResult withAttention = LearningRun.Evaluate(attending, layouts, environment.MaxSteps);
                comparisons.Add(new AttentionComparison(task, changed, setting, withTopOne, withAttention, attending.NetworkActions, attending.BlendedActions));
                progress?.Invoke(FormattableString.Invariant(
                    $"seed {seed} {setting} {task}: top-1 {withTopOne.MeanReturn:0.000}, attention {withAttention.MeanReturn:0.000} ({attending.BlendedActions} of {attending.NetworkActions} network actions blended)"));
            }
        }
        return comparisons;
    }
}
