using System.CommandLine;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem report [--out DIR] [--seeds N] [--eval-seeds A-B]</c>: every agent, trained from scratch with N
/// training seeds on doorkey-5x5 (5,000 steps) and doorkey-8x8 (20,000 steps), evaluated on held-out layouts at
/// eight checkpoints; writes the comparison chart, a CSV of every checkpoint and a table of final numbers.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The environments compared and each one's training budget (issue 4's targets).</summary>
    public static readonly IReadOnlyList<(string Environment, int Steps)> Budgets = [("doorkey-5x5", 5_000), ("doorkey-8x8", 20_000)];

    private const int Checkpoints = 8;

    public static Command Create(CliConsole console)
    {
        Option<string> output = CommonOptions.OutputDirectory("procmem-report");
        Option<int> seeds = CommonOptions.PositiveInt("--seeds", "Training seeds per agent and environment (1..N).", 5);
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-99");
        var command = new Command("report", "Compare every agent's learning on doorkey-5x5 and doorkey-8x8 (chart, CSV, table).")
        {
            output, seeds, evalSeeds,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(output), parsed.GetValue(seeds), parsed.GetRequiredValue(evalSeeds)));
        return command;
    }

    private static int Run(CliConsole console, string outputPath, int seedCount, int[] evalSeeds)
    {
        OutputDirectory output = OutputDirectory.Prepare(outputPath);
        string[] agents = AgentCatalog.Names.ToArray();
        var jobs = (from budget in Budgets from agent in agents from seed in Enumerable.Range(1, seedCount) select (budget, agent, seed)).ToArray();
        var runs = new ComparisonRun[jobs.Length];
        int finished = 0;
        console.Out.WriteLine($"Training {agents.Length} agents x {Budgets.Count} environments x {seedCount} seeds = {jobs.Length} runs, " +
            $"each evaluated on {evalSeeds.Length} held-out layouts at {Checkpoints} checkpoints");

        // Runs are independent and each is a function of its seed, so running them in parallel changes no result.
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var ((envName, steps), agentName, seed) = jobs[i];
            IEnvironment environment = EnvironmentRegistry.Create(envName);
            var plan = new TrainingPlan
            {
                MaxSteps = steps,
                TrainingSeed = seed,
                EvaluationSeeds = evalSeeds,
                EpisodeStepLimit = environment.MaxSteps,
                CheckpointEvery = steps / Checkpoints,
            };
            runs[i] = new ComparisonRun(envName, agentName, seed, LearningRun.Train(AgentCatalog.Create(agentName, environment, seed), plan));
            int done = Interlocked.Increment(ref finished);
            lock (console)
                console.Out.WriteLine($"  {done}/{jobs.Length} runs done");
        });

        string[] environments = Budgets.Select(b => b.Environment).ToArray();
        string table = ComparisonReport.Table(runs, environments, agents, env => OptimalSteps.Mean(env, evalSeeds));
        console.Out.WriteLine();
        console.Out.Write(table);
        console.Out.WriteLine();
        console.Out.WriteLine($"Wrote {output.WriteAllText(ComparisonReport.ChartFile, ComparisonReport.Chart(runs, environments, agents).ToSvg())}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(ComparisonReport.CsvFile, ComparisonReport.Csv(runs))}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(ComparisonReport.TableFile, table)}");
        return ExitCodes.Ok;
    }
}
