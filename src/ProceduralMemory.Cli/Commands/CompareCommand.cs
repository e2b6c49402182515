using System.CommandLine;
using System.Globalization;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem compare [--env E,E...] [--agent A,A...] [--steps N,N...] [--out DIR] [--seeds N] [--eval-seeds A-B] [--checkpoints N]</c>: every agent (or those named),
/// trained from scratch with N training seeds on each environment for its budget (by default doorkey-5x5 for 5,000
/// steps and doorkey-8x8 for 20,000), evaluated at eight checkpoints (or <c>--checkpoints</c>) on the distinct test layouts of the evaluation
/// seeds, which training never visits (<see cref="LayoutSplit"/>); writes the comparison chart, a CSV of every
/// checkpoint and a table of final numbers with the test layouts and how many of them training visited.
/// </summary>
internal static class CompareCommand
{
    /// <summary>The environments compared when <c>--env</c> is not given (issue 4's targets).</summary>
    public static readonly IReadOnlyList<string> DefaultEnvironments = ["doorkey-5x5", "doorkey-8x8"];

    /// <summary>The budget an environment gets when <c>--steps</c> is not given: 5,000 steps on doorkey-5x5, 20,000 on any other.</summary>
    public static int DefaultSteps(string environment) => environment == "doorkey-5x5" ? 5_000 : 20_000;


    public static Command Create(CliConsole console)
    {
        Option<string[]> env = CommonOptions.NameList("--env", "environment", "Environments to compare on",
            EnvironmentRegistry.Names, EnvironmentRegistry.Contains, DefaultEnvironments);
        Option<string[]> agent = CommonOptions.NameList("--agent", "agent", "Agents to compare",
            AgentCatalog.Names, AgentCatalog.Contains, [.. AgentCatalog.Names]);
        var steps = new Option<int[]?>("--steps")
        {
            Description = "Training steps per environment, in --env's order, or one budget for all " +
                "(default 5000 on doorkey-5x5, 20000 on any other).",
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                    return null;
                string[] parts = CommonOptions.SplitList(result.Tokens.Select(t => t.Value));
                var budgets = new int[parts.Length];
                for (int i = 0; i < parts.Length; i++)
                {
                    if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out budgets[i]) || budgets[i] < 1)
                    {
                        result.AddError($"--steps must be positive whole numbers, comma-separated (got '{parts[i]}').");
                        return null;
                    }
                }
                if (parts.Length == 0)
                    result.AddError("--steps needs a number of steps.");
                return budgets;
            },
        };
        Option<string> output = CommonOptions.OutputDirectory("procmem-compare");
        Option<int> seeds = CommonOptions.PositiveInt("--seeds", "Training seeds per agent and environment (1..N).", 5);
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-99");
        Option<int> checkpoints = CommonOptions.PositiveInt("--checkpoints",
            "Evaluations per run, evenly spaced over its budget, the last at its end (and, above 1, one more before training): the points of each learning curve.", 8);
        var command = new Command("compare", "Compare every agent's learning, trained from scratch on each environment (chart, CSV, table).")
        {
            env, agent, steps, output, seeds, evalSeeds, checkpoints,
        };
        command.SetAction(parsed =>
        {
            string[] environments = parsed.GetRequiredValue(env);
            // Without --steps the parser hands back an empty array, not null: both mean each environment's default.
            int[]? budgets = parsed.GetValue(steps) is { Length: > 0 } given ? given : null;
            if (budgets is not null && budgets.Length != 1 && budgets.Length != environments.Length)
                throw new UsageException($"--steps gives {budgets.Length} budgets for {environments.Length} environments: give one per environment, or one for all.");
            var plan = environments.Select((e, i) => (e, budgets is null ? DefaultSteps(e) : budgets[budgets.Length == 1 ? 0 : i])).ToArray();
            return Run(console, plan, parsed.GetRequiredValue(agent), parsed.GetRequiredValue(output), parsed.GetValue(seeds), parsed.GetRequiredValue(evalSeeds), parsed.GetValue(checkpoints));
        });
        return command;
    }

    private static int Run(CliConsole console, IReadOnlyList<(string Environment, int Steps)> budgets, string[] agents, string outputPath, int seedCount, int[] evalSeeds, int checkpoints)
    {
        OutputDirectory output = OutputDirectory.Prepare(outputPath);
        // One split per environment, shared by its runs: fingerprinting a layout changes nothing, so threads may share it.
        Dictionary<string, LayoutSplit> splits = budgets.ToDictionary(b => b.Environment, b => LayoutSplit.Of(EnvironmentRegistry.Create(b.Environment), evalSeeds));
        var jobs = (from budget in budgets from agent in agents from seed in Enumerable.Range(1, seedCount) select (budget, agent, seed)).ToArray();
        var runs = new ComparisonRun[jobs.Length];
        int finished = 0;
        console.Out.WriteLine($"Training {agents.Length} agents x {budgets.Count} environments " +
            $"({string.Join(", ", budgets.Select(b => $"{b.Environment} for {b.Steps} steps"))}) x {seedCount} seeds = {jobs.Length} runs, " +
            $"each evaluated at {checkpoints} checkpoint{(checkpoints == 1 ? "" : "s")} on the distinct test layouts of seeds {SeedRange.Format(evalSeeds)} " +
            $"({string.Join(", ", splits.Select(s => $"{s.Key}: {s.Value.TestSeeds.Count}{(s.Value.HoldsOut ? " held out" : ", not held out")}"))})");

        // Runs are independent and each is a function of its seed, so running them in parallel changes no result.
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var ((envName, steps), agentName, seed) = jobs[i];
            IEnvironment environment = EnvironmentRegistry.Create(envName);
            var plan = new TrainingPlan
            {
                MaxSteps = steps,
                TrainingSeed = seed,
                Split = splits[envName],
                EpisodeStepLimit = environment.MaxSteps,
                CheckpointEvery = checkpoints == 1 ? 0 : Math.Max(steps / checkpoints, 1),
            };
            runs[i] = new ComparisonRun(envName, agentName, seed, LearningRun.Train(AgentCatalog.Create(agentName, environment, seed), plan));
            int done = Interlocked.Increment(ref finished);
            lock (console)
                console.Out.WriteLine($"  {done}/{jobs.Length} runs done");
        });

        string[] environments = budgets.Select(b => b.Environment).ToArray();
        console.Out.WriteLine("Finding the shortest plans on the test layouts (the yardstick of the normalised return)");
        Dictionary<string, ShortestPlanYardstick?> yardsticks = environments.AsParallel().AsOrdered()
            .Select(env => (env, plans: ShortestPlans.Measure(env, splits[env].EvaluationSeeds)))
            .ToDictionary(p => p.env, p => p.plans);
        string table = ComparisonReport.Table(runs, environments, agents, env => yardsticks[env]);
        console.Out.WriteLine();
        console.Out.Write(table);
        console.Out.WriteLine();
        console.Out.WriteLine($"Wrote {output.WriteAllText(ComparisonReport.ChartFile, ComparisonReport.Chart(runs, environments, agents).ToSvg())}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(ComparisonReport.NormalisedChartFile, ComparisonReport.NormalisedChart(runs, environments, agents, env => yardsticks[env]).ToSvg())}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(ComparisonReport.CsvFile, ComparisonReport.Csv(runs))}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(ComparisonReport.TableFile, table)}");
        return ExitCodes.Ok;
    }
}
