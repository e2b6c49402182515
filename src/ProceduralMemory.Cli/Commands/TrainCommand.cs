using System.CommandLine;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Cli.Team;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;
using Spectre.Console;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem train --env E (--steps N | --episodes N) [--library LIB] [--seed S] [--out DIR] [--agents N] [--attention]</c>: the
/// procedural memory agent learns into a skill library (from scratch when it is new, continuing from what it holds
/// otherwise), evaluated on held-out layouts as it goes; curves as CSV and SVG, skills listed at the end, and the run's
/// settings and its skills at every evaluation as JSON for <c>procmem report</c> (<see cref="TrainingReport"/>). With
/// <c>--agents N</c> above 1, N agent processes learn into the library at once (<see cref="TeamTraining"/>).
/// </summary>
internal static class TrainCommand
{
    public const int DefaultSteps = 20_000;

    public static Command Create(CliConsole console)
    {
        Option<string> env = CommonOptions.Environment("doorkey-5x5");
        Option<int?> steps = CommonOptions.OptionalBoundedInt("--steps", $"Training budget in environment steps. [default: {DefaultSteps}]", minimum: 1);
        Option<int?> episodes = CommonOptions.OptionalBoundedInt("--episodes", "Training budget in episodes, instead of --steps.", minimum: 1);
        Option<int> seed = CommonOptions.Seed();
        Option<string> output = CommonOptions.OutputDirectory();
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-19");
        Option<int?> evalEvery = CommonOptions.OptionalBoundedInt("--eval-every", "Training steps between evaluations (default: a tenth of --steps, or 2000).", minimum: 1);
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        Option<int> keepEpisodes = CommonOptions.PositiveInt("--keep-episodes", "Episodic memory's bound: the library keeps this many of the newest training episodes.",
            new ProceduralMemoryAgentOptions().EpisodesToKeep);
        Option<int> agents = CommonOptions.BoundedInt("--agents",
            $"Agents learning at once (1 to {AgentTeam.MaxAgents}), each a separate process with its own seed (seed, seed+1, ...), all sharing the one library.",
            1, minimum: 1, maximum: AgentTeam.MaxAgents);
        var lifecycle = new RetirementRule();
        Option<double> retireBelow = CommonOptions.Fraction("--retire-below",
            "The skill lifecycle: retire skills whose success rate stays below this (0 to 1; 0 never retires) ...", zeroAllowed: true, lifecycle.MinSuccessRate);
        Option<int> retireAfter = CommonOptions.PositiveInt("--retire-after", "... once used at least this often since it was created, last demonstrated or restored.", lifecycle.MinUses);
        var merge = new Option<bool>("--merge")
        {
            Description = "Interference management: merge near-duplicate skills after each episode, as procmem skills merge does (off by default).",
        };
        var perContext = new PerContextLifecycleOptions();
        Option<bool> adapt = CommonOptions.Adapt();
        Option<bool> attention = CommonOptions.Attention();
        var json = new Option<bool>("--json") { Description = "Print the run's outcome as one JSON object on the last line." };
        Option<string?> events = CommonOptions.OutputFile("--events",
            "A team member's log of when skills were stored and arrived, for the team to measure how fast they spread.");
        events.Hidden = true;
        var command = new Command("train", "Train the procedural memory agent into a skill library and chart its learning.")
        {
            env, steps, episodes, library, connectTimeout, seed, output, evalSeeds, evalEvery, keepEpisodes, retireBelow, retireAfter, merge, adapt, attention, agents, json, events,
        };
        foreach (Option option in perContext.All)
            command.Options.Add(option);
        command.SetAction(parsed =>
        {
            int? stepBudget = parsed.GetValue(steps), episodeBudget = parsed.GetValue(episodes), every = parsed.GetValue(evalEvery);
            if (stepBudget is not null && episodeBudget is not null)
                throw new UsageException("give either --steps or --episodes, not both.");
            string libraryLocation = parsed.GetRequiredValue(library);
            var rule = new RetirementRule { MinSuccessRate = parsed.GetValue(retireBelow), MinUses = parsed.GetValue(retireAfter) };
            if (parsed.GetValue(agents) > 1 && (rule != new RetirementRule()))
                throw new UsageException("--retire-below and --retire-after apply to one agent; a team (--agents above 1) uses the defaults.");
            if (parsed.GetValue(agents) > 1 && parsed.GetValue(merge))
                throw new UsageException("--merge applies to one agent; a team (--agents above 1) does not merge.");
            ContextLifecycleOptions? lifecycle = perContext.From(parsed);
            if (parsed.GetValue(agents) > 1 && lifecycle is not null)
                throw new UsageException("--contexts applies to one agent; a team (--agents above 1) runs without the per-context lifecycle.");
            if (parsed.GetValue(agents) > 1 && parsed.GetValue(adapt))
                throw new UsageException("--adapt applies to one agent; a team (--agents above 1) runs without adaptation.");
            if (parsed.GetValue(agents) > 1 && parsed.GetValue(attention))
                throw new UsageException("--attention applies to one agent; a team (--agents above 1) acts with top-1.");
            if (parsed.GetValue(agents) > 1)
                return TeamTraining.Run(console, new TeamPlan(parsed.GetRequiredValue(env), parsed.GetValue(agents), stepBudget, episodeBudget,
                    libraryLocation, parsed.GetValue(seed), parsed.GetRequiredValue(output), parsed.GetRequiredValue(evalSeeds), every,
                    parsed.GetValue(keepEpisodes), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))), parsed.GetValue(json));
            return Run(console, parsed.GetRequiredValue(env), stepBudget, episodeBudget, libraryLocation, TimeSpan.FromSeconds(parsed.GetValue(connectTimeout)), parsed.GetValue(seed),
                parsed.GetRequiredValue(output), parsed.GetRequiredValue(evalSeeds), every, parsed.GetValue(keepEpisodes), rule, parsed.GetValue(merge) ? new NearDuplicateRule() : null,
                lifecycle, parsed.GetValue(adapt), CommonOptions.AttentionFrom(parsed.GetValue(attention)), parsed.GetValue(json), parsed.GetValue(events));
        });
        return command;
    }

    private static int Run(CliConsole console, string envName, int? steps, int? episodes, string libraryPath, TimeSpan connectTimeout, int seed,
        string outputPath, int[] evalSeeds, int? evalEvery, int keepEpisodes, RetirementRule retirement, NearDuplicateRule? merging, ContextLifecycleOptions? perContext, bool adapt, AttentionRetrievalOptions? attention, bool json, string? eventsFile)
    {
        IEnvironment environment = EnvironmentRegistry.Create(envName);
        // Checked before the library is opened, which creates it: a run that cannot write its results creates nothing.
        OutputDirectory output = OutputDirectory.Check(outputPath);
        using ISkillStore store = SkillStores.Open(libraryPath, readOnly: false, connectTimeout);
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions
        {
            Seed = (ulong)seed, EpisodesToKeep = keepEpisodes, Retirement = retirement, Merging = merging, ContextLifecycle = perContext,
            Adaptation = adapt ? new SkillAdaptationOptions() : null, Attention = attention,
        }, store);
        bool bySteps = episodes is null;
        int budget = episodes ?? steps ?? DefaultSteps;
        LayoutSplit split = LayoutSplit.Of(environment, evalSeeds);
        var plan = new TrainingPlan
        {
            MaxSteps = bySteps ? budget : int.MaxValue,
            MaxEpisodes = bySteps ? int.MaxValue : budget,
            TrainingSeed = seed,
            Split = split,
            EpisodeStepLimit = environment.MaxSteps,
            CheckpointEvery = evalEvery ?? (bySteps ? Math.Max(1, budget / 10) : 2000),
        };

        console.Out.WriteLine($"Training procmem on {envName} for {budget} {(bySteps ? "steps" : "episodes")} (seed {seed}); " +
            $"evaluating on {split.TestSeeds.Count} {(split.HoldsOut ? "held-out " : "")}test layouts (the distinct layouts of seeds {SeedRange.Format(evalSeeds)}) every {plan.CheckpointEvery} steps");
        LibraryChanges before = store.ReadChanges(long.MaxValue);
        console.Out.WriteLine(agent.Library.Count == 0
            ? $"Library {SkillStores.Describe(libraryPath)}: new, learning from scratch"
            : $"Library {SkillStores.Describe(libraryPath)}: continuing from {agent.Library.Count} skills learned over {before.Episodes} episodes");
        int skillsAtStart = agent.Library.Count;
        var progress = new TrainingProgress(console, budget, bySteps);
        var skillHistory = new List<SkillCheckpoint>();
        progress.CheckpointTaken += point => skillHistory.Add(SkillCheckpoint.Of(point, agent, environment.Facts));
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

        WriteSkills(console, skillHistory[^1].Skills);
        console.Out.WriteLine();
        console.Out.WriteLine($"Final evaluation on {HeldOutLayouts.Describe(split, evalSeeds, curve[^1].Evaluation)}:");
        console.Out.WriteLine(EvaluationLine.Format(curve[^1].Evaluation, ShortestPlans.MeanLength(envName, split.EvaluationSeeds)));
        LibraryChanges after = store.ReadChanges(long.MaxValue);
        var settings = new RunSettings(RunSettings.CurrentFormat, ToolVersion.Line, envName, budget, bySteps ? "steps" : "episodes", seed,
            SeedRange.Format(evalSeeds), split.TestSeeds.Count, plan.CheckpointEvery, keepEpisodes, SkillStores.Describe(libraryPath),
            skillsAtStart, before.Episodes, agent.Library.Count, after.Episodes);
        int retiredNow = agent.Library.Count - agent.Library.ActiveSkills.Count;
        console.Out.WriteLine($"Library {SkillStores.Describe(libraryPath)}: {agent.Library.Count} skills ({retiredNow} retired, {agent.Retired} of them in this run), {after.Episodes} episodes run, {after.EpisodesKept} kept");
        if (agent.ContextLifecycle is { } contexts)
            console.Out.WriteLine(PerContextLifecycleOptions.Summary(contexts, agent.Library));
        if (adapt)
        {
            int variants = agent.Library.Skills.Count(s => s.Variant is not null);
            console.Out.WriteLine($"Adaptation: {agent.AdaptedVariants} variants kept, {agent.RejectedAdaptations} copies no better than their original dropped; " +
                $"{variants} variants in the library");
        }
        string start = skillsAtStart == 0 ? "learning from scratch" : $"continuing from {skillsAtStart} skills";
        string title = $"procmem on {envName}: {start} (seed {seed})";
        console.Out.WriteLine();
        foreach (var (file, content) in new[]
                 {
                     (TrainingReport.EpisodesFile, TrainingReport.EpisodesCsv(progress.Episodes)),
                     (TrainingReport.EvaluationFile, TrainingReport.EvaluationCsv(curve)),
                     (TrainingReport.ChartFile, TrainingReport.Chart(title, curve, progress.Episodes).ToSvg()),
                     (TrainingReport.SkillsFile, TrainingReport.SkillsJson(skillHistory)),
                     // Last, so that a folder with this file holds all the others a report reads.
                     (TrainingReport.RunFile, TrainingReport.RunJson(settings)),
                 })
            console.Out.WriteLine($"Wrote {output.WriteAllText(file, content)}");
        console.Out.WriteLine($"See the whole run on one page: procmem report --run {outputPath}");
        if (json)
        {
            EvaluationResult e = curve[^1].Evaluation;
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                env = envName,
                library = SkillStores.Describe(libraryPath),
                train_env_steps = curve[^1].TrainingSteps,
                train_episodes = curve[^1].TrainingEpisodes,
                eval_layouts = e.Episodes,
                eval_layout_overlap = e.LayoutOverlap,
                eval_mean_return = e.MeanReturn,
                eval_success_rate = e.SuccessRate,
                library_skills = agent.Library.Count,
                library_retired = retiredNow,
                retired_this_run = agent.Retired,
                merged_this_run = agent.Merged,
                per_context = PerContextLifecycleOptions.Json(agent),
                adapted_variants = adapt ? agent.AdaptedVariants : (int?)null,
                rejected_adaptations = adapt ? agent.RejectedAdaptations : (int?)null,
                // As eval --attention reports them, here over the whole run: training and its evaluations.
                attention = attention is not null,
                network_actions = agent.NetworkActions,
                blended_actions = agent.BlendedActions,
                library_episodes = after.Episodes,
                // This run's own additions to the library's statistics (the library's totals sum these over runs).
                committed_uses = agent.Committed.Uses,
                committed_successes = agent.Committed.Successes,
                committed_demonstrations = agent.Committed.Demonstrations,
                curve = curve.Select(p => new
                {
                    steps = p.TrainingSteps,
                    episodes = p.TrainingEpisodes,
                    eval_layouts = p.Evaluation.Episodes,
                    eval_return = p.Evaluation.MeanReturn,
                    eval_success = p.Evaluation.SuccessRate,
                }),
            }));
        }
        return ExitCodes.Ok;
    }

    private static void WriteSkills(CliConsole console, IReadOnlyList<SkillSnapshot> skills)
    {
        if (console.IsTerminal)
        {
            var table = new Table().Title("Learned skills").AddColumns("Skill", "Preconditions", "Effect", "Uses", "Successes", "Demonstrations");
            foreach (var s in skills)
                table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Preconditions), Markup.Escape(s.Effect), $"{s.Uses}",
                    $"{s.Successes}", $"{s.Demonstrations} ({s.KeptDemonstrations} kept)");
            console.Ansi.Write(table);
            return;
        }
        console.Out.WriteLine();
        console.Out.WriteLine("Learned skills:");
        foreach (var s in skills)
            console.Out.WriteLine($"  {s.Name}: preconditions {s.Preconditions}, effect {s.Effect}, used {s.Uses} times, " +
                $"{s.Successes} successes, {s.Demonstrations} demonstrations ({s.KeptDemonstrations} kept)");
    }
}
