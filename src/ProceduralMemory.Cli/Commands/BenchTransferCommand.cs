using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments;
using ProceduralMemory.Training.Transfer;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench transfer --sequence E1,E2,... --steps N --seeds S [--agent procmem|ppo] [--eval-seeds A-B]
/// [--checkpoint-every M] [--target T] [--out DIR] [--json]</c>: takes one learner per training seed through the
/// curriculum (<see cref="TransferRun"/>) and reports, per task, the zero-shot return, the training steps until the
/// held-out normalised return holds the target with the memory of the tasks before and from scratch, and every earlier
/// task's retention; writes the steps-to-target chart, the retention matrix, the table and the JSON record into the
/// folder, and with <c>--json</c> prints the record as the last line.
/// </summary>
internal static class BenchTransferCommand
{
    /// <summary>The issue's curriculum: DoorKey to ObstructedMaze, each task needing more of what the ones before taught.</summary>
    public static readonly string[] DefaultSequence =
    [
        "doorkey-5x5", "doorkey-8x8", "unlock", "unlockpickup", "blockedunlockpickup", "keycorridor-s3r3", "keycorridor-s6r3",
        "obstructedmaze-2dlh", "obstructedmaze-full",
    ];

    public static Command Create(CliConsole console)
    {
        Option<string[]> sequence = CommonOptions.NameList("--sequence", "environment", "The curriculum, in training order",
            EnvironmentRegistry.Names, EnvironmentRegistry.Contains, DefaultSequence);
        Option<int> steps = CommonOptions.PositiveInt("--steps", "The most training steps on one task; a task moves on once its target holds.", 20000);
        Option<int> seeds = CommonOptions.PositiveInt("--seeds", "Training seeds (1..N), one run through the curriculum each.", 5);
        Option<string> agent = CommonOptions.NamedChoice("--agent", "learner", CurriculumLearners.Names, CurriculumLearners.Names.Contains, "procmem");
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-99");
        Option<int?> checkpointEvery = CommonOptions.OptionalBoundedInt("--checkpoint-every",
            "Training steps between held-out evaluations (default: a tenth of --steps).", 1);
        Option<double> target = CommonOptions.Fraction("--target", "The normalised return a task must hold to count as learned.", zeroAllowed: false, 0.9);
        Option<string> output = CommonOptions.OutputDirectory("procmem-transfer");
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("transfer", "Train one learner through a sequence of tasks: transfer against learning from scratch, retention, zero-shot returns.")
        {
            sequence, steps, seeds, agent, evalSeeds, checkpointEvery, target, output, json,
        };
        command.SetAction(parsed =>
        {
            int budget = parsed.GetValue(steps);
            var plan = new TransferPlan
            {
                Tasks = parsed.GetRequiredValue(sequence),
                StepsPerTask = budget,
                CheckpointEvery = parsed.GetValue(checkpointEvery) ?? Math.Max(budget / 10, 1),
                EvaluationSeeds = parsed.GetRequiredValue(evalSeeds),
                Target = parsed.GetValue(target),
            };
            return Run(console, plan, parsed.GetRequiredValue(agent), parsed.GetValue(seeds), parsed.GetRequiredValue(output), parsed.GetValue(json));
        });
        return command;
    }

    private static int Run(CliConsole console, TransferPlan plan, string learnerName, int seedCount, string outputPath, bool json)
    {
        OutputDirectory output = OutputDirectory.Check(outputPath);
        console.Out.WriteLine($"{learnerName} through {string.Join(" -> ", plan.Tasks)}: at most {plan.StepsPerTask:N0} steps per task, " +
            $"{seedCount} seed{(seedCount == 1 ? "" : "s")}, target {plan.Target.ToString(CultureInfo.InvariantCulture)} normalised return on the distinct test layouts of seeds {SeedRange.Format([.. plan.EvaluationSeeds])}");
        console.Out.WriteLine("Finding the shortest plans on each task's test layouts (the yardstick of the normalised return)");
        var transfer = new TransferRun(plan);
        foreach (TaskYardstick task in transfer.Yardsticks)
            console.Out.WriteLine(task.Optimal is { } optimal
                ? string.Create(CultureInfo.InvariantCulture, $"  {task.Task}: {task.Split.EvaluationSeeds.Count} test layouts, shortest plans' return {optimal:0.000}")
                : $"  {task.Task}: {task.Split.EvaluationSeeds.Count} test layouts, no complete shortest plans: scored on the raw return");

        var runs = new TransferResult[seedCount];
        var progress = new ProgressLines(console);
        using (CurriculumLearners learners = CurriculumLearners.InTemporaryFolder())
        {
            // Seeds are independent and each run is a function of its seed, so running them in parallel changes no result.
            Parallel.For(0, seedCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                i => runs[i] = transfer.Run(learners.Factory(learnerName, i + 1), i + 1, progress));
        }

        var report = new TransferReport(plan, runs);
        string table = report.Table();
        console.Out.WriteLine();
        console.Out.Write(table);
        console.Out.WriteLine();
        string record = JsonSerializer.Serialize(report.Json());
        console.Out.WriteLine($"Wrote {output.WriteAllText(TransferReport.StepsChartFile, report.StepsChart().ToSvg())}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(TransferReport.RetentionChartFile, report.RetentionChart().ToSvg())}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(TransferReport.TableFile, table)}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(TransferReport.JsonFile, record + "\n")}");
        if (json)
            console.Out.WriteLine(record);
        return ExitCodes.Ok;
    }

    /// <summary>A line per evaluation, so a long curriculum shows where it is.</summary>
    private sealed class ProgressLines(CliConsole console) : ITransferObserver
    {
        public void OnEvaluation(TransferProgress progress)
        {
            lock (console)
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  seed {progress.Seed} {progress.Task} {progress.Phase}: {progress.TrainingSteps:N0} steps, normalised return {progress.NormalisedReturn:0.000}"));
        }
    }
}
