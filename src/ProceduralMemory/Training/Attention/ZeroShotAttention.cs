using ProceduralMemory.Agents;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Training.Attention;

/// <summary>
/// Measurement (b) of issue 18: zero-shot return on tasks a library never trained on, with attention retrieval
/// against top-1. For one seed, one procedural memory agent per training task learns into one library; then, learning
/// off, every task is played on the held-out layouts of <see cref="AttentionPlan.EvaluationSeeds"/> by agents reading
/// that same library, in two settings (the default agent, and one whose skill networks act where the explorer has no
/// plan) with top-1 and with attention; with <see cref="EncoderKeys"/>, again after the library is re-keyed by a
/// situation encoder trained on it. Everything is a function of the plan and the seed.
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

    /// <summary>The library's keys as trained: the agent's random projection of the situation.</summary>
    public const string ProjectionKeys = "projection";

    /// <summary>
    /// The library re-keyed by a situation encoder trained on its demonstrations, as <c>procmem skills encode</c> does
    /// (<see cref="SituationRekeying"/>, its default shape, seeded by the training seed); agents then key situations with it.
    /// </summary>
    public const string EncoderKeys = "encoder";

    /// <summary>Both kinds of key, in the order they are played: re-keying cannot be undone, so the projection comes first.</summary>
    public static IReadOnlyList<string> KeyKinds { get; } = [ProjectionKeys, EncoderKeys];

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
        foreach (string keys in KeyKinds.Where(plan.Keys.Contains))
        {
            if (keys == EncoderKeys)
                Rekey(store, seed, progress);
            comparisons.AddRange(Play(plan, store, seed, trainingOptions, keys, progress));
        }
        return comparisons;
    }

    /// <summary>Re-keys the library in <paramref name="store"/> with a situation encoder trained on it, in one commit.</summary>
    private static void Rekey(ISkillStore store, int seed, Action<string>? progress)
    {
        LibraryManifest manifest = store.Manifest ?? throw new LibraryException("the library is empty: nothing to re-key");
        SituationRekeying.Plan rekey = SituationRekeying.Prepare(manifest, store.ReadChanges(0).Skills, store.ReadDemonstrations,
            new VariationalEncoderOptions { Seed = (ulong)seed });
        store.Commit(rekey.Commit);
        progress?.Invoke($"seed {seed}: re-keyed the library with {rekey.Provider.ModelId} (trained on {rekey.Situations} starting situations)");
    }

    /// <summary>Every task, in both settings, top-1 against attention, by agents reading the library as it is keyed now.</summary>
    private static List<AttentionComparison> Play(AttentionPlan plan, ISkillStore store, int seed, ProceduralMemoryAgentOptions trainingOptions,
        string keys, Action<string>? progress)
    {
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
                comparisons.Add(new AttentionComparison(keys, task, changed, setting, withTopOne, withAttention, attending.NetworkActions, attending.BlendedActions));
                progress?.Invoke(FormattableString.Invariant(
                    $"seed {seed} {keys} keys, {setting} {task}: top-1 {withTopOne.MeanReturn:0.000}, attention {withAttention.MeanReturn:0.000} ({attending.BlendedActions} of {attending.NetworkActions} network actions blended)"));
            }
        }
        return comparisons;
    }
}
