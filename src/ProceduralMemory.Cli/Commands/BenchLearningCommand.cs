using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Postgres;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench learning --env E --train-steps N --eval-seeds A-B --seed S [--agent A] [--dev] [--library LIB [--continue]] [--attention] [--json]</c>:
/// train for at most N steps on layouts other than the held-out ones (<see cref="LayoutSplit"/>), then evaluate
/// greedily with learning off on the distinct test layouts of the evaluation seeds, or with <c>--dev</c> on the
/// development split; with <c>--json</c> the last line is <c>{env, agent, train_env_steps, eval_split, eval_episodes,
/// eval_layouts, eval_layout_overlap, eval_mean_return, eval_success_rate, eval_mean_steps, optimal_mean_steps,
/// optimal_mean_return, normalised_return, optimal_layouts_solved, library_skills_at_start, library_episodes_at_start,
/// train_seconds, train_steps_per_second}</c> (one episode per layout, so <c>eval_episodes</c> = <c>eval_layouts</c>;
/// the overlap is the share of them also trained on; the shortest plans' (<see cref="ShortestPlans"/>) mean length and
/// return on the same layouts, and the eval mean return over the latter, are null unless every layout was solved,
/// <c>optimal_layouts_solved</c> saying how many were, null too for an environment that cannot plan; the last two:
/// wall-clock time of training alone, learning included). A library that already holds skills is
/// refused unless <c>--continue</c> says so: its figure would credit this run's steps with what earlier runs learned.
/// </summary>
internal static class BenchLearningCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> env = CommonOptions.Environment("doorkey-5x5");
        Option<int> trainSteps = CommonOptions.PositiveInt("--train-steps", "Training budget in environment steps.", 5000);
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-99");
        Option<int> seed = CommonOptions.Seed(1);
        Option<string> agent = CommonOptions.Agent();
        Option<string> library = CommonOptions.Library(defaultValue: null);
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var continuing = new Option<bool>("--continue")
        {
            Description = "Train on from what --library already holds; without it, a library that holds skills is refused.",
        };
        var dev = new Option<bool>("--dev")
        {
            Description = $"Evaluate on the development split (the distinct layouts of seeds {LayoutSplit.DevSeedRange} " +
                "that are not test layouts; also never trained on) instead of the test layouts: what tuning looks at.",
        };
        Option<bool> adapt = CommonOptions.Adapt();
        Option<bool> attention = CommonOptions.Attention();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("learning", "Train an agent for a step budget, then evaluate it on held-out layouts.")
        {
            env, trainSteps, evalSeeds, seed, agent, dev, library, continuing, connectTimeout, adapt, attention, json,
        };
        var perContext = new PerContextLifecycleOptions();
        foreach (Option option in perContext.All)
            command.Options.Add(option);
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(env), parsed.GetValue(trainSteps),
            parsed.GetRequiredValue(evalSeeds), parsed.GetValue(seed), parsed.GetRequiredValue(agent), parsed.GetValue(dev), parsed.GetValue(library),
            parsed.GetValue(continuing), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout)), parsed.GetValue(adapt),
            CommonOptions.AttentionFrom(parsed.GetValue(attention)), perContext.From(parsed), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string envName, int trainSteps, int[] evalSeeds, int seed, string agentName,
        bool dev, string? libraryPath, bool continuing, TimeSpan connectTimeout, bool adapt, AttentionRetrievalOptions? attention, ContextLifecycleOptions? perContext, bool json)
    {
        if (adapt && agentName != "procmem")
            throw new UsageException($"--adapt needs the procmem agent; {agentName} has no skills to adapt.");
        if (attention is not null && agentName != "procmem")
            throw new UsageException($"--attention needs the procmem agent; {agentName} has no skills to attend to.");
        if (perContext is not null && agentName != "procmem")
            throw new UsageException($"--contexts needs the procmem agent; {agentName} keeps no skill library.");
        if (libraryPath is not null && agentName != "procmem")
            throw new UsageException($"--library needs the procmem agent; {agentName} keeps no skill library.");
        if (continuing && libraryPath is null)
            throw new UsageException("--continue needs a --library to continue from.");
        IEnvironment environment = EnvironmentRegistry.Create(envName);
        LayoutSplit split = LayoutSplit.Of(environment, evalSeeds);
        if (dev)
            split = split.ForDevelopment();
        if (split.EvaluationSeeds.Count == 0)
            throw new UsageException($"{envName} has no development layouts: seeds {LayoutSplit.DevSeedRange} " +
                $"give none that is not a test layout{(split.LayoutCount is { } n ? $" (it has {n} layout{(n == 1 ? "" : "s")} in all)" : "")}; evaluate on the test layouts instead.");
        // A library file is looked at read-only first, so that a refusal cannot have migrated it to a newer schema.
        if (!continuing && libraryPath is not null && !PostgresLocation.IsPostgres(libraryPath) && File.Exists(libraryPath) && new FileInfo(libraryPath).Length > 0)
            using (ISkillStore peek = SkillStores.Open(libraryPath, readOnly: true))
                RefuseIfItHoldsSkills(libraryPath, peek.ReadChanges(long.MaxValue));
        using ISkillStore? store = libraryPath is null ? null : SkillStores.Open(libraryPath, readOnly: false, connectTimeout);
        LibraryChanges? atStart = store?.ReadChanges(long.MaxValue);
        if (!continuing && atStart is not null)
            RefuseIfItHoldsSkills(libraryPath!, atStart);
        ILearningAgent agent = adapt || perContext is not null || attention is not null
            ? new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions
            {
                Seed = (ulong)seed, Adaptation = adapt ? new SkillAdaptationOptions() : null, ContextLifecycle = perContext, Attention = attention,
            }, store)
            : store is null
                ? AgentCatalog.Create(agentName, environment, seed)
                : new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = (ulong)seed }, store);
        var plan = new TrainingPlan
        {
            MaxSteps = trainSteps,
            TrainingSeed = seed,
            Split = split,
            EpisodeStepLimit = environment.MaxSteps,
        };
        var clock = new TrainingClock();
        IReadOnlyList<LearningCurvePoint> curve = LearningRun.Train(agent, plan, clock);
        LearningCurvePoint final = curve[^1];
        EvaluationResult e = final.Evaluation;
        ShortestPlanYardstick? yardstick = ShortestPlans.Measure(envName, split.EvaluationSeeds);
        double trainSeconds = clock.TrainingTime.TotalSeconds;
        double stepsPerSecond = trainSeconds > 0 ? final.TrainingSteps / trainSeconds : 0;
        if (atStart is { SkillIds.Count: > 0 })
            console.Out.WriteLine($"Continuing from {SkillStores.Describe(libraryPath!)}: {atStart.SkillIds.Count} skills learned over {atStart.Episodes} episodes before this run");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{agentName} trained for {trainSeconds:0.00} s: {stepsPerSecond:0} environment steps/s, acting and learning"));

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{agentName} on {envName}: {final.TrainingSteps} training steps ({final.TrainingEpisodes} episodes), then {HeldOutLayouts.Describe(split, evalSeeds, e)}:"));
        console.Out.WriteLine(EvaluationLine.Format(e, yardstick?.MeanSteps));
        console.Out.WriteLine(EvaluationLine.FormatNormalised(e, yardstick));
        if (agent is ProceduralMemoryAgent { } adapting && adapt)
            console.Out.WriteLine($"Adaptation: {adapting.AdaptedVariants} variants kept, {adapting.RejectedAdaptations} copies no better than their original dropped; {adapting.Library.Count} skills");
        var procmem = agent as ProceduralMemoryAgent;
        if (procmem?.ContextLifecycle is { } contexts)
            console.Out.WriteLine(PerContextLifecycleOptions.Summary(contexts, procmem.Library));
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                env = envName,
                agent = agentName,
                train_env_steps = final.TrainingSteps,
                eval_split = split.EvaluatesDevelopment ? "dev" : "test",
                eval_episodes = e.Episodes,
                eval_layouts = e.Episodes,
                eval_layout_overlap = e.LayoutOverlap,
                eval_mean_return = e.MeanReturn,
                eval_success_rate = e.SuccessRate,
                eval_mean_steps = e.MeanSteps,
                optimal_mean_steps = yardstick?.MeanSteps,
                optimal_mean_return = yardstick?.MeanReturn,
                normalised_return = yardstick?.Normalise(e.MeanReturn),
                optimal_layouts_solved = yardstick?.Solved,
                library_skills_at_start = atStart?.SkillIds.Count ?? 0,
                library_episodes_at_start = atStart?.Episodes ?? 0,
                train_seconds = trainSeconds,
                train_steps_per_second = stepsPerSecond,
                // Active skills used at least once that succeeded less than a fifth of the time: the spurious ones left.
                active_skills_failing = procmem?.Library.ActiveSkills.Count(s => s.Statistics.Uses > 0 && s.Statistics.SuccessRate < 0.2),
                per_context = procmem is null ? null : PerContextLifecycleOptions.Json(procmem),
                // As eval --attention reports them, here over training and the final evaluation.
                attention = attention is not null,
                network_actions = procmem?.NetworkActions,
                blended_actions = procmem?.BlendedActions,
            }));
        return ExitCodes.Ok;
    }

    private static void RefuseIfItHoldsSkills(string libraryPath, LibraryChanges library)
    {
        if (library.SkillIds.Count > 0)
            throw new UsageException($"{SkillStores.Describe(libraryPath)} already holds {library.SkillIds.Count} skills learned over {library.Episodes} episodes: " +
                "a figure from it would not be this run's alone; give a new library, or --continue to train on from it.");
    }

    /// <summary>Times training alone: from the start to the end of the last training episode, before the final evaluation.</summary>
    private sealed class TrainingClock : ITrainingObserver
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public TimeSpan TrainingTime { get; private set; }

        public void OnEpisode(int episode, int trainingSteps, EpisodeSummary summary) => TrainingTime = _clock.Elapsed;

        public void OnCheckpoint(LearningCurvePoint point)
        {
        }
    }
}
