using System.CommandLine;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Cli.Team;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;
using Spectre.Console;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem train --env E (--steps N | --episodes N) [--library LIB] [--seed S] [--out DIR] [--agents N]</c>: the
/// procedural memory agent learns into a skill library (from scratch when it is new, continuing from what it holds
/// otherwise), evaluated on held-out layouts as it goes; curves as CSV and SVG, skills listed at the end. With
/// <c>--agents N</c> above 1, N agent processes learn into the library at once (<see cref="TeamTraining"/>).
/// </summary>
internal static class TrainCommand
{
    public const int DefaultSteps = 20_000;

    public static Command Create(CliConsole console)
    {
        Option<string> env = CommonOptions.Environment("doorkey-5x5");
        var steps = new Option<int?>("--steps") { Description = $"Training budget in environment steps (default {DefaultSteps})." };
        var episodes = new Option<int?>("--episodes") { Description = "Training budget in episodes, instead of --steps." };
        Option<int> seed = CommonOptions.Seed();
        Option<string> output = CommonOptions.OutputDirectory();
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-19");
        var evalEvery = new Option<int?>("--eval-every") { Description = "Training steps between evaluations (default: a tenth of --steps, or 2000)." };
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        Option<int> keepEpisodes = CommonOptions.PositiveInt("--keep-episodes", "Episodic memory's bound: the library keeps this many of the newest training episodes.",
            new ProceduralMemoryAgentOptions().EpisodesToKeep);
        Option<int> agents = CommonOptions.PositiveInt("--agents",
            "Agents learning at once, each a separate process with its own seed (seed, seed+1, ...), all sharing the one library.", 1);
        var json = new Option<bool>("--json") { Description = "Print the run's outcome as one JSON object on the last line." };
        // A team member's log of when skills were stored and arrived, for the team to measure how fast they spread.
        var events = new Option<string?>("--events") { Hidden = true };
        var command = new Command("train", "Train the procedural memory agent into a skill library and chart its learning.")
        {
            env, steps, episodes, library, connectTimeout, seed, output, evalSeeds, evalEvery, keepEpisodes, agents, json, events,
        };
        command.SetAction(parsed =>
        {
            int? stepBudget = parsed.GetValue(steps), episodeBudget = parsed.GetValue(episodes), every = parsed.GetValue(evalEvery);
            if (stepBudget is not null && episodeBudget is not null)
                throw new UsageException("give either --steps or --episodes, not both.");
            if (stepBudget is <= 0 || episodeBudget is <= 0 || every is <= 0)
                throw new UsageException("--steps, --episodes and --eval-every must be positive whole numbers.");
            string libraryLocation = parsed.GetRequiredValue(library);
            if (parsed.GetValue(agents) > 1)
                return TeamTraining.Run(console, new TeamPlan(parsed.GetRequiredValue(env), parsed.GetValue(agents), stepBudget, episodeBudget,
                    libraryLocation, parsed.GetValue(seed), parsed.GetRequiredValue(output), parsed.GetRequiredValue(evalSeeds), every,
                    parsed.GetValue(keepEpisodes), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))), parsed.GetValue(json));
            return Run(console, parsed.GetRequiredValue(env), stepBudget, episodeBudget, libraryLocation, TimeSpan.FromSeconds(parsed.GetValue(connectTimeout)), parsed.GetValue(seed),
                parsed.GetRequiredValue(output), parsed.GetRequiredValue(evalSeeds), every, parsed.GetValue(keepEpisodes), parsed.GetValue(json),
                parsed.GetValue(events));
        });
        return command;
    }

    private static int Run(CliConsole console, string envName, int? steps, int? episodes, string libraryPath, TimeSpan connectTimeout, int seed,
        string outputPath, int[] evalSeeds, int? evalEvery, int keepEpisodes, bool json, string? eventsFile)
    {
        IEnvironment environment = EnvironmentRegistry.Create(envName);
        using ISkillStore store = SkillStores.Open(libraryPath, readOnly: false, connectTimeout);
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = (ulong)seed, EpisodesToKeep = keepEpisodes }, store);
        OutputDirectory output = OutputDirectory.Prepare(outputPath);
        bool bySteps = episodes is null;
        int budget = episodes ?? steps ?? DefaultSteps;
        var plan = new TrainingPlan
        {
            MaxSteps = bySteps ? budget : int.MaxValue,
            MaxEpisodes = bySteps ? int.MaxValue : budget,
            TrainingSeed = seed,
            EvaluationSeeds = evalSeeds,
            EpisodeStepLimit = environment.MaxSteps,
            CheckpointEvery = evalEvery ?? (bySteps ? Math.Max(1, budget / 10) : 2000),
        };

        console.Out.WriteLine($"Training procmem on {envName} for {budget} {(bySteps ? "steps" : "episodes")} (seed {seed}); " +
            $"evaluating on {evalSeeds.Length} held-out layouts ({evalSeeds[0]}-{evalSeeds[^1]}) every {plan.CheckpointEvery} steps");
        LibraryChanges before = store.ReadChanges(long.MaxValue);
        console.Out.WriteLine(agent.Library.Count == 0
            ? $"Library {SkillStores.Describe(libraryPath)}: new, learning from scratch"
            : $"Library {SkillStores.Describe(libraryPath)}: continuing from {agent.Library.Count} skills learned over {before.Episodes} episodes");
        var progress = new TrainingProgress(console, budget, bySteps);
        agent.SkillStored += skill =>
        {
            progress.WriteLine($"Stored new skill #{skill.Id} {skill.Name} in {SkillStores.Describe(libraryPath)}");
            if (eventsFile is not null)
                SkillEvent.Now(SkillEvent.Stored, skill.Id, skill.Name).AppendTo(eventsFile);
        };
        agent.SkillArrived += skill =>
        {
            progress.WriteLine($"Skill #{skill.Id} {skill.Name} arrived from the library (stored by another agent)");
            if (eventsFile is not null)
                SkillEvent.Now(SkillEvent.Arrived, skill.Id, skill.Name).AppendTo(eventsFile);
        };
        IReadOnlyList<LearningCurvePoint> curve = progress.Run(() => LearningRun.Train(agent, plan, progress));

        WriteSkills(console, agent, environment.Facts);
        LibraryChanges after = store.ReadChanges(long.MaxValue);
        console.Out.WriteLine($"Library {SkillStores.Describe(libraryPath)}: {agent.Library.Count} skills, {after.Episodes} episodes run, {after.EpisodesKept} kept");
        string title = $"procmem on {envName}: learning from scratch (seed {seed})";
        console.Out.WriteLine();
        foreach (var (file, content) in new[]
                 {
                     (TrainingReport.EpisodesFile, TrainingReport.EpisodesCsv(progress.Episodes)),
                     (TrainingReport.EvaluationFile, TrainingReport.EvaluationCsv(curve)),
                     (TrainingReport.ChartFile, TrainingReport.Chart(title, curve, progress.Episodes).ToSvg()),
                 })
            console.Out.WriteLine($"Wrote {output.WriteAllText(file, content)}");
        if (json)
        {
            EvaluationResult e = curve[^1].Evaluation;
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                env = envName,
                library = SkillStores.Describe(libraryPath),
                train_env_steps = curve[^1].TrainingSteps,
                train_episodes = curve[^1].TrainingEpisodes,
                eval_mean_return = e.MeanReturn,
                eval_success_rate = e.SuccessRate,
                library_skills = agent.Library.Count,
                library_episodes = after.Episodes,
                // This run's own additions to the library's statistics (the library's totals sum these over runs).
                committed_uses = agent.Committed.Uses,
                committed_successes = agent.Committed.Successes,
                committed_demonstrations = agent.Committed.Demonstrations,
                curve = curve.Select(p => new
                {
                    steps = p.TrainingSteps,
                    episodes = p.TrainingEpisodes,
                    eval_return = p.Evaluation.MeanReturn,
                    eval_success = p.Evaluation.SuccessRate,
                }),
            }));
        }
        return ExitCodes.Ok;
    }

    private static void WriteSkills(CliConsole console, ProceduralMemoryAgent agent, FactSchema facts)
    {
        var rows = agent.Library.Skills.Select(s => (
            s.Name, Pre: s.Preconditions.Format(facts), Effect: s.Effect.Format(facts), s.Statistics,
            Kept: agent.HasModule(s.Id) ? agent.ModuleOf(s.Id).DemonstrationCount : 0)).ToList();
        if (console.IsTerminal)
        {
            var table = new Table().Title("Learned skills").AddColumns("Skill", "Preconditions", "Effect", "Uses", "Successes", "Demonstrations");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.Name), Markup.Escape(r.Pre), Markup.Escape(r.Effect), $"{r.Statistics.Uses}",
                    $"{r.Statistics.Successes}", $"{r.Statistics.Demonstrations} ({r.Kept} kept)");
            console.Ansi.Write(table);
            return;
        }
        console.Out.WriteLine();
        console.Out.WriteLine("Learned skills:");
        foreach (var r in rows)
            console.Out.WriteLine($"  {r.Name}: preconditions {r.Pre}, effect {r.Effect}, used {r.Statistics.Uses} times, " +
                $"{r.Statistics.Successes} successes, {r.Statistics.Demonstrations} demonstrations ({r.Kept} kept)");
    }
}
