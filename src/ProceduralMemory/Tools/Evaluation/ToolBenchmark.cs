using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Tools.Agents;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;

namespace ProceduralMemory.Tools.Evaluation;

/// <summary>
/// Learns procedures from demonstrations, lets the agent practise on the tasks it learned from (each procedure's
/// statistics record its outcomes), and measures, on held-out tasks, the procedural agent against two baselines
/// run in the same pass: no memory (the same agent with an empty library) and the nearest demonstration replayed
/// literally (episodic memory); and the learning curve, the procedural agent after more and more demonstrations.
/// When the train and test tasks are one set (a domain with no train split), it cross-validates: each fold is tested
/// on a library learned from the other folds only.
/// </summary>
public static class ToolBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="createEnvironment">Makes a fresh environment (one for inducing, one for each agent).</param>
    /// <param name="train">The demonstrations to learn from, in order (the curve takes prefixes).</param>
    /// <param name="test">The held-out tasks.</param>
    /// <param name="keys">The keys procedures are stored and recalled by.</param>
    /// <param name="options">Options.</param>
    /// <param name="progress">Receives a line per stage.</param>
    public static ToolBenchmarkResult Run(Func<IToolEnvironment> createEnvironment, IReadOnlyList<ToolDemonstration> train,
        IReadOnlyList<ToolTask> test, IKeyProvider<string> keys, ToolBenchmarkOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(createEnvironment);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(keys);
        options ??= new ToolBenchmarkOptions();
        IToolEnvironment environment = createEnvironment();
        var inducer = new ProcedureInducer(environment);
        var sizes = options.CurveSizes.Where(s => s > 0 && s < train.Count).Append(train.Count).Distinct().Order().ToList();
        var curve = new List<ToolCurvePoint>();
        IReadOnlyList<Procedure> procedures = [];
        List<ToolTaskScore> scores = [];
        foreach (int size in sizes)
        {
            while (inducer.Demonstrations < size)
                inducer.Add(train[inducer.Demonstrations]);
            procedures = inducer.Procedures();
            progress?.Report($"learned {procedures.Count} procedures from {size} demonstrations ({inducer.Subgoals} sub-goals)");
            scores = Solve(environment, test, Practised(environment, LibraryOf(procedures, keys), keys, options.Agent, train.Take(size)), keys, options.Agent);
            curve.Add(new ToolCurvePoint(size, procedures.Count, ToolScores.Of(scores)));
            progress?.Report($"  after {size}: success {curve[^1].Scores.SuccessRate:0.000}, procedure recall {curve[^1].Scores.ProcedureRecall:0.000}");
        }
        return new ToolBenchmarkResult(train.Count, procedures.Count, ToolScores.Of(scores),
            ToolScores.Of(Solve(environment, test, new SkillLibrary(keys.Dimension), keys, options.Agent)),
            ToolScores.Of(Replay(environment, train, test, keys)), scores, curve, Folds: 0);
    }

    /// <summary>Runs the benchmark on one set of tasks by cross-validation: each task is tested on procedures learned from the other folds' tasks only.</summary>
    public static ToolBenchmarkResult CrossValidate(Func<IToolEnvironment> createEnvironment, IReadOnlyList<ToolTask> tasks,
        IKeyProvider<string> keys, ToolBenchmarkOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        options ??= new ToolBenchmarkOptions();
        int folds = Math.Clamp(options.Folds, 2, Math.Max(2, tasks.Count));
        IToolEnvironment environment = createEnvironment();
        var procedural = new List<ToolTaskScore>();
        var noMemory = new List<ToolTaskScore>();
        var replay = new List<ToolTaskScore>();
        int procedures = 0, demonstrations = 0;
        for (int fold = 0; fold < folds; fold++)
        {
            var test = tasks.Where((_, i) => i % folds == fold).ToList();
            var train = tasks.Where((_, i) => i % folds != fold).Select(DemonstrationOf).ToList();
            var inducer = new ProcedureInducer(environment);
            foreach (ToolDemonstration demonstration in train)
                inducer.Add(demonstration);
            IReadOnlyList<Procedure> learned = inducer.Procedures();
            procedures = Math.Max(procedures, learned.Count);
            demonstrations = Math.Max(demonstrations, train.Count);
            procedural.AddRange(Solve(environment, test, Practised(environment, LibraryOf(learned, keys), keys, options.Agent, train), keys, options.Agent));
            noMemory.AddRange(Solve(environment, test, new SkillLibrary(keys.Dimension), keys, options.Agent));
            replay.AddRange(Replay(environment, train, test, keys));
            progress?.Report($"fold {fold + 1}/{folds}: {learned.Count} procedures from {train.Count} tasks, tested on {test.Count}");
        }
        return new ToolBenchmarkResult(demonstrations, procedures, ToolScores.Of(procedural), ToolScores.Of(noMemory), ToolScores.Of(replay),
            procedural, [], folds);
    }

    /// <summary>A task as a demonstration: its instruction and its ground-truth calls.</summary>
    public static ToolDemonstration DemonstrationOf(ToolTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new ToolDemonstration(task.Id, task.Instruction, task.Actions);
    }

    private static List<ToolTaskScore> Solve(IToolEnvironment environment, IReadOnlyList<ToolTask> test, SkillLibrary library,
        IKeyProvider<string> keys, ProcedureAgentOptions options)
    {
        // Each test task starts from the library as learned: what one task teaches does not leak into the next.
        var agent = new ProcedureAgent(library, keys, options with { Learn = false });
        return test.Select(t => ToolTaskScore.Of(agent.Solve(environment, t), environment.Tools)).ToList();
    }

    // Learning from outcomes: the agent carries out the tasks it learned from (their ground truth judges it) and each
    // procedure's statistics record how its uses turned out, before any test task is seen.
    private static SkillLibrary Practised(IToolEnvironment environment, SkillLibrary library, IKeyProvider<string> keys,
        ProcedureAgentOptions options, IEnumerable<ToolDemonstration> train)
    {
        var agent = new ProcedureAgent(library, keys, options with { Learn = true });
        foreach (ToolDemonstration demonstration in train)
            agent.Solve(environment, new ToolTask(demonstration.Source, demonstration.Instruction, demonstration.Calls, []));
        return library;
    }

    private static List<ToolTaskScore> Replay(IToolEnvironment environment, IReadOnlyList<ToolDemonstration> train, IReadOnlyList<ToolTask> test, IKeyProvider<string> keys)
    {
        var agent = new LiteralReplayAgent(keys);
        foreach (ToolDemonstration demonstration in train)
            agent.Remember(demonstration);
        return test.Select(t => ToolTaskScore.Of(agent.Solve(environment, t), environment.Tools)).ToList();
    }

    private static SkillLibrary LibraryOf(IReadOnlyList<Procedure> procedures, IKeyProvider<string> keys)
    {
        var library = new SkillLibrary(keys.Dimension, mergeThreshold: 1.01f);
        foreach (Procedure procedure in procedures)
            library.Add(ProcedureSkills.Create(procedure, keys));
        return library;
    }
}
