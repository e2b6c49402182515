using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Training;
using ProceduralMemory.Training.Attention;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench attention [--train-envs E,...] [--test-envs E,...] [--train-steps N] [--seeds N] [--eval-seeds A-B]
/// [--keys projection,encoder] [--temperature T] [--exact-fit F] [--max-candidates K] [--evidence-prior] [--success-prior] [--chart FILE] [--json]</c>:
/// issue 18's measurement (b). Per
/// training seed, one library learns the training tasks (<see cref="ZeroShotAttention"/>); then every task is played
/// with learning off, the changed tasks zero-shot, with top-1 and with attention retrieval, by the default agent and
/// by one whose skill networks act; with <c>encoder</c> among the keys, again after the library is re-keyed by a
/// situation encoder trained on it. Progress on stderr; with <c>--json</c> the last line is the result as one JSON object.
/// </summary>
internal static class BenchAttentionCommand
{
    private static readonly string[] MiniGridNames = [.. MiniGridFamily.Tasks.Select(t => t.Name)];

    public static Command Create(CliConsole console)
    {
        var defaults = new AttentionRetrievalOptions();
        Option<string[]> trainEnvs = CommonOptions.NameList("--train-envs", "MiniGrid task", "Tasks the library learns, in order",
            MiniGridNames, MiniGridNames.Contains, BenchEncoderCommand.DefaultTraining);
        Option<string[]> testEnvs = CommonOptions.NameList("--test-envs", "MiniGrid task", "Changed tasks, never trained on, played zero-shot",
            MiniGridNames, MiniGridNames.Contains, BenchEncoderCommand.DefaultTest);
        Option<int> trainSteps = CommonOptions.PositiveInt("--train-steps", "Training steps on each training task.", 10_000);
        Option<int> seeds = CommonOptions.BoundedInt("--seeds", "Training seeds (1..N), one library each.", 3, minimum: 1, maximum: 64);
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-49");
        Option<string[]> keys = CommonOptions.NameList("--keys", "key kind", "The keys retrieval and attention compare: the library as trained (projection) and re-keyed by a situation encoder (encoder)",
            ZeroShotAttention.KeyKinds, ZeroShotAttention.KeyKinds.Contains, [ZeroShotAttention.ProjectionKeys]);
        Option<double> temperature = CommonOptions.Fraction("--temperature", "Softmax temperature over key similarities.", zeroAllowed: false, defaults.Temperature);
        Option<double> exactFit = CommonOptions.Fraction("--exact-fit", "Key similarity at which one skill fits exactly and acts alone.", zeroAllowed: true, defaults.ExactFit);
        Option<int> maxCandidates = CommonOptions.BoundedInt("--max-candidates", "The most skills blended in one step.", defaults.MaxCandidates, minimum: 1, maximum: 64);
        var evidencePrior = new Option<bool>("--evidence-prior") { Description = "Also weigh each skill by its number of demonstrations (a log prior on its attention)." };
        var successPrior = new Option<bool>("--success-prior") { Description = "Also weigh each skill by its smoothed success rate (a log prior on its attention)." };
        Option<string?> chart = CommonOptions.OutputFile("--chart", "Also write the mean return per task, top-1 against attention, as an SVG bar chart.");
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("attention", "Zero-shot return on changed tasks: attention retrieval (blended skill policies) against top-1.")
        {
            trainEnvs, testEnvs, trainSteps, seeds, evalSeeds, keys, temperature, exactFit, maxCandidates, evidencePrior, successPrior, chart, json,
        };
        command.SetAction(parsed => Run(console, new AttentionPlan
        {
            TrainingTasks = parsed.GetRequiredValue(trainEnvs),
            ChangedTasks = parsed.GetRequiredValue(testEnvs),
            StepsPerTask = parsed.GetValue(trainSteps),
            EvaluationSeeds = parsed.GetRequiredValue(evalSeeds),
            Keys = parsed.GetRequiredValue(keys),
            Attention = new AttentionRetrievalOptions
            {
                Temperature = (float)parsed.GetValue(temperature), ExactFit = (float)parsed.GetValue(exactFit), MaxCandidates = parsed.GetValue(maxCandidates),
                EvidencePrior = parsed.GetValue(evidencePrior), SuccessPrior = parsed.GetValue(successPrior),
            },
        }, parsed.GetValue(seeds), parsed.GetValue(chart), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, AttentionPlan plan, int seedCount, string? chartPath, bool json)
    {
        if (plan.TrainingTasks.Intersect(plan.ChangedTasks).FirstOrDefault() is { } both)
            throw new UsageException($"{both} is in both --train-envs and --test-envs; changed tasks must be ones never trained on.");
        console.Error.WriteLine($"Training {seedCount} librar{(seedCount == 1 ? "y" : "ies")} on {string.Join(", ", plan.TrainingTasks)} ({plan.StepsPerTask:N0} steps each); " +
            $"playing the layouts of seeds {SeedRange.Format([.. plan.EvaluationSeeds])} with learning off");
        var runs = new IReadOnlyList<AttentionComparison>[seedCount];
        string folder = Directory.CreateTempSubdirectory("procmem-attention-").FullName;
        try
        {
            // Seeds are independent and each is a function of its seed, so running them side by side changes no result.
            Parallel.For(0, seedCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                using SqliteSkillStore store = SqliteSkillStore.Open(Path.Combine(folder, $"library-{i + 1}.db"));
                runs[i] = ZeroShotAttention.Run(plan, store, i + 1, line => { lock (console) console.Error.WriteLine(line); });
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var rows = Summarise(runs);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Attention: temperature {plan.Attention.Temperature}, exact fit at similarity {plan.Attention.ExactFit}, at most {plan.Attention.MaxCandidates} skills blended{(plan.Attention.EvidencePrior ? ", weighed by their demonstrations too" : "")}{(plan.Attention.SuccessPrior ? ", weighed by their success rates too" : "")}; mean return over {seedCount} seed{(seedCount == 1 ? "" : "s")}"));
        foreach ((string keys, string setting) in Groups(plan))
        {
            console.Out.WriteLine($"{keys} keys, {setting}:");
            foreach (TaskRow row in rows.Where(r => r.Keys == keys && r.Setting == setting))
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {row.Task,-22} {(row.Changed ? "changed " : "held-out")}  top-1 {row.TopOne:0.000}  attention {row.Attention:0.000}  ({row.Attention - row.TopOne:+0.000;-0.000;0.000})  {row.BlendedActions} of {row.NetworkActions} network actions blended"));
            (double topOne, double attention) = ChangedMeans(rows, keys, setting);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  changed tasks, mean: top-1 {topOne:0.000}, attention {attention:0.000} ({attention - topOne:+0.000;-0.000;0.000})"));
        }
        if (chartPath is not null)
        {
            File.WriteAllText(chartPath, Chart(rows, seedCount).ToSvg());
            console.Out.WriteLine($"  chart: {chartPath}");
        }
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                train_envs = plan.TrainingTasks,
                test_envs = plan.ChangedTasks,
                train_steps = plan.StepsPerTask,
                seeds = seedCount,
                eval_seeds = SeedRange.Format([.. plan.EvaluationSeeds]),
                temperature = plan.Attention.Temperature,
                exact_fit = plan.Attention.ExactFit,
                max_candidates = plan.Attention.MaxCandidates,
                evidence_prior = plan.Attention.EvidencePrior,
                success_prior = plan.Attention.SuccessPrior,
                keys = ZeroShotAttention.KeyKinds.Where(plan.Keys.Contains),
                settings = Groups(plan).Select(group => new
                {
                    keys = group.Keys,
                    setting = group.Setting,
                    changed_top1_mean_return = ChangedMeans(rows, group.Keys, group.Setting).TopOne,
                    changed_attention_mean_return = ChangedMeans(rows, group.Keys, group.Setting).Attention,
                    tasks = rows.Where(r => r.Keys == group.Keys && r.Setting == group.Setting).Select(r => new
                    {
                        env = r.Task,
                        changed = r.Changed,
                        layouts = r.Layouts,
                        top1_mean_return = r.TopOne,
                        attention_mean_return = r.Attention,
                        top1_success_rate = r.TopOneSuccess,
                        attention_success_rate = r.AttentionSuccess,
                        top1_per_seed = r.TopOnePerSeed,
                        attention_per_seed = r.AttentionPerSeed,
                        network_actions = r.NetworkActions,
                        blended_actions = r.BlendedActions,
                    }),
                }),
            }));
        return ExitCodes.Ok;
    }

    /// <summary>Each kind of key asked for, in the order played, with each setting: the groups the table and JSON report.</summary>
    private static IEnumerable<(string Keys, string Setting)> Groups(AttentionPlan plan) =>
        from keys in ZeroShotAttention.KeyKinds.Where(plan.Keys.Contains)
        from setting in ZeroShotAttention.Settings
        select (keys, setting);

    /// <summary>One task with one kind of key in one setting, over the seeds: mean returns and success rates, each seed's return, actions summed.</summary>
    private sealed record TaskRow(string Keys, string Task, bool Changed, string Setting, int Layouts, double TopOne, double Attention, double TopOneSuccess,
        double AttentionSuccess, double[] TopOnePerSeed, double[] AttentionPerSeed, int NetworkActions, int BlendedActions);

    private static List<TaskRow> Summarise(IReadOnlyList<AttentionComparison>[] runs) =>
        runs[0].Select((first, at) =>
        {
            AttentionComparison[] seeds = runs.Select(run => run[at]).ToArray();
            return new TaskRow(first.Keys, first.Task, first.Changed, first.Setting, first.TopOne.Episodes,
                seeds.Average(s => s.TopOne.MeanReturn), seeds.Average(s => s.Attention.MeanReturn),
                seeds.Average(s => s.TopOne.SuccessRate), seeds.Average(s => s.Attention.SuccessRate),
                seeds.Select(s => s.TopOne.MeanReturn).ToArray(), seeds.Select(s => s.Attention.MeanReturn).ToArray(),
                seeds.Sum(s => s.NetworkActions), seeds.Sum(s => s.BlendedActions));
        }).ToList();

    private static (double TopOne, double Attention) ChangedMeans(List<TaskRow> rows, string keys, string setting)
    {
        TaskRow[] changed = rows.Where(r => r.Keys == keys && r.Setting == setting && r.Changed).ToArray();
        return changed.Length == 0 ? (0, 0) : (changed.Average(r => r.TopOne), changed.Average(r => r.Attention));
    }

    /// <summary>A bar per task, setting and retrieval: the mean return over the seeds, whiskers from the worst seed to the best.</summary>
    private static BarChart Chart(List<TaskRow> rows, int seedCount)
    {
        var bars = new List<Bar>();
        foreach (TaskRow row in rows.Where(r => r.Changed))
        {
            string label = $"{row.Task} ({row.Keys} keys, {row.Setting.Replace('_', ' ')})";
            bars.Add(new Bar($"{label} top-1", row.TopOne, row.TopOnePerSeed.Min(), row.TopOnePerSeed.Max()));
            bars.Add(new Bar($"{label} attention", row.Attention, row.AttentionPerSeed.Min(), row.AttentionPerSeed.Max()));
        }
        return new BarChart($"Zero-shot return on changed tasks: top-1 against attention retrieval (mean of {seedCount} seed{(seedCount == 1 ? "" : "s")}; whiskers: worst to best)",
            "mean return on the task's layouts, learning off", bars, Min: 0, Max: 1);
    }
}
