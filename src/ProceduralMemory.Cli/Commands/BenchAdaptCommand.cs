using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Learning;
using ProceduralMemory.Training.Adaptation;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench adapt [--task-a E] [--task-b E] [--skill NAME] [--train-seeds A-B] [--experience-seeds A-B]
/// [--test-seeds A-B] [--increments N,...] [--learning-rate R] [--epochs N] [--seed S] [--runs N] [--chart FILE] [--json]</c>:
/// measurement (c) of issue 18 (<see cref="AdaptationBenchmark"/>): the steps of new experience a skill needs to
/// recover its original return on a changed task, adapting a copy of its module against learning it from scratch.
/// Progress on stderr; with <c>--json</c> the last line is the result as one JSON object.
/// </summary>
internal static class BenchAdaptCommand
{
    private static readonly string[] MiniGridNames = [.. MiniGridFamily.Tasks.Select(t => t.Name)];

    private static readonly int[] DefaultIncrements = [1, 2, 4, 8, 16, 32, 64, 128, 256];

    public static Command Create(CliConsole console)
    {
        var defaults = new AdaptationBenchmarkSettings();
        Option<string> taskA = CommonOptions.NamedChoice("--task-a", "MiniGrid task the skill is learned on", MiniGridNames, MiniGridNames.Contains, defaults.TaskA);
        Option<string> taskB = CommonOptions.NamedChoice("--task-b", "changed MiniGrid task it must recover on", MiniGridNames, MiniGridNames.Contains, defaults.TaskB);
        var skill = new Option<string>("--skill")
        {
            Description = "The skill: the sub-goal effect its demonstrations achieve, e.g. pickup(key), open(door), reach(goal).",
            DefaultValueFactory = _ => defaults.Skill,
        };
        Option<int[]> trainSeeds = SeedRange.Option("--train-seeds", "0-199");
        Option<int[]> experienceSeeds = SeedRange.Option("--experience-seeds", "0-255");
        Option<int[]> testSeeds = SeedRange.Option("--test-seeds", "100000-100049");
        Option<int[]> increments = Increments();
        var rate = new Option<double>("--learning-rate")
        {
            Description = "Adam step size of the adaptation (a positive number below 1). [default: 0.001]",
            DefaultValueFactory = _ => defaults.Adaptation.LearningRate,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is > 0 and < 1)
                    return value;
                result.AddError($"--learning-rate must be a number above 0 and below 1 (got '{text}').");
                return 0;
            },
        };
        Option<int> epochs = CommonOptions.BoundedInt("--epochs", "Passes of the adaptation over the new experience.", defaults.Adaptation.Epochs, minimum: 1, maximum: 10_000);
        Option<int> seed = CommonOptions.Seed(1);
        Option<int> runs = CommonOptions.BoundedInt("--runs", "Run seeds, from --seed on.", 3, minimum: 1, maximum: 100);
        Option<string?> chart = CommonOptions.OutputFile("--chart", "Also write return against steps of experience, adapted against from scratch (medians over the runs), as an SVG file.");
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("adapt", "Steps of new experience to recover a skill's return on a changed task: adapting a copy of its module against learning from scratch.")
        {
            taskA, taskB, skill, trainSeeds, experienceSeeds, testSeeds, increments, rate, epochs, seed, runs, chart, json,
        };
        command.SetAction(parsed =>
        {
            int first = parsed.GetValue(seed);
            var settings = defaults with
            {
                TaskA = parsed.GetRequiredValue(taskA), TaskB = parsed.GetRequiredValue(taskB), Skill = parsed.GetRequiredValue(skill),
                TrainSeedsA = parsed.GetRequiredValue(trainSeeds), ExperienceSeedsB = parsed.GetRequiredValue(experienceSeeds),
                TestSeedsA = parsed.GetRequiredValue(testSeeds), TestSeedsB = parsed.GetRequiredValue(testSeeds),
                Increments = parsed.GetRequiredValue(increments),
                Seeds = [.. Enumerable.Range(first, parsed.GetValue(runs)).Select(s => (ulong)s)],
                Adaptation = defaults.Adaptation with { LearningRate = (float)parsed.GetValue(rate), Epochs = parsed.GetValue(epochs) },
            };
            return Run(console, settings, parsed.GetValue(chart), parsed.GetValue(json));
        });
        return command;
    }

    private static Option<int[]> Increments() => new("--increments")
    {
        Description = $"Numbers of task B demonstrations each arm learns from, increasing, comma-separated. [default: {string.Join(",", DefaultIncrements)}]",
        DefaultValueFactory = result => result.Parent is null ? [] : [.. DefaultIncrements],
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
                return [.. DefaultIncrements];
            string[] items = CommonOptions.SplitList(result.Tokens.Select(t => t.Value));
            var values = new List<int>();
            foreach (string item in items)
            {
                if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || (values.Count > 0 && n <= values[^1]))
                {
                    result.AddError($"--increments must be increasing whole numbers of at least 1, comma-separated (got '{string.Join(",", items)}').");
                    return [];
                }
                values.Add(n);
            }
            return [.. values];
        },
    };

    private static int Run(CliConsole console, AdaptationBenchmarkSettings settings, string? chartPath, bool json)
    {
        if (settings.TaskA == settings.TaskB)
            throw new UsageException("--task-a and --task-b are the same task; adaptation is measured on a changed one.");
        if (settings.TrainSeedsA.Intersect(settings.TestSeedsA).Any())
            throw new UsageException("--train-seeds and --test-seeds overlap; returns are measured on layouts never trained on.");
        if (settings.ExperienceSeedsB.Intersect(settings.TestSeedsB).Any())
            throw new UsageException("--experience-seeds and --test-seeds overlap; returns are measured on layouts never trained on.");
        IReadOnlyList<AdaptationRun> runs;
        try
        {
            runs = AdaptationBenchmark.Run(settings, line => console.Error.WriteLine(line));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        SkillAdaptationOptions adaptation = settings.Adaptation;
        console.Out.WriteLine($"Skill {settings.Skill}: learned on {settings.TaskA} (layouts {SeedRange.Format(settings.TrainSeedsA)}), recovered on {settings.TaskB}; returns on held-out layouts {SeedRange.Format(settings.TestSeedsB)}");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Adaptation: {adaptation.Epochs} epochs at learning rate {adaptation.LearningRate:G3}; from scratch: {settings.Cloning.Epochs} epochs at {settings.Cloning.LearningRate:G3}; target {settings.Target:0.##} of the original return"));
        foreach (AdaptationRun run in runs)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  seed {run.Seed}: original {run.OriginalReturn:0.000}, zero-shot {run.ZeroShotReturn:0.000}; recovered after {Steps(run.AdaptedRecovery)} steps adapting, {Steps(run.ScratchRecovery)} from scratch"));
        double? adaptedMedian = Median(runs.Select(r => r.AdaptedRecovery?.ExperienceSteps));
        double? scratchMedian = Median(runs.Select(r => r.ScratchRecovery?.ExperienceSteps));
        double? ratio = adaptedMedian is { } a && scratchMedian is { } s ? a / s : null;
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Median steps to recover: adapting {Format(adaptedMedian)}, from scratch {Format(scratchMedian)}; ratio {Format(ratio, "0.000")} (target at most 0.333)"));
        if (chartPath is not null)
        {
            File.WriteAllText(chartPath, Chart(settings, runs));
            console.Out.WriteLine($"  chart: {chartPath}");
        }
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                task_a = settings.TaskA,
                task_b = settings.TaskB,
                skill = settings.Skill,
                train_seeds = SeedRange.Format(settings.TrainSeedsA),
                experience_seeds = SeedRange.Format(settings.ExperienceSeedsB),
                test_seeds = SeedRange.Format(settings.TestSeedsB),
                learning_rate = adaptation.LearningRate,
                adaptation_epochs = adaptation.Epochs,
                scratch_epochs = settings.Cloning.Epochs,
                target = settings.Target,
                runs = runs.Select(r => new
                {
                    seed = r.Seed,
                    original_return = r.OriginalReturn,
                    zero_shot_return = r.ZeroShotReturn,
                    adapted_steps_to_target = r.AdaptedRecovery?.ExperienceSteps,
                    adapted_gradient_steps_to_target = r.AdaptedRecovery?.AdaptedGradientSteps,
                    scratch_steps_to_target = r.ScratchRecovery?.ExperienceSteps,
                    scratch_gradient_steps_to_target = r.ScratchRecovery?.ScratchGradientSteps,
                    curve = r.Curve.Select(p => new
                    {
                        demonstrations = p.Demonstrations,
                        experience_steps = p.ExperienceSteps,
                        adapted_return = p.AdaptedReturn,
                        adapted_gradient_steps = p.AdaptedGradientSteps,
                        copy_kept = p.CopyKept,
                        scratch_return = p.ScratchReturn,
                        scratch_gradient_steps = p.ScratchGradientSteps,
                    }),
                }),
                median_adapted_steps_to_target = adaptedMedian,
                median_scratch_steps_to_target = scratchMedian,
                steps_ratio = ratio,
                target_met = ratio is <= 1.0 / 3,
            }));
        return ExitCodes.Ok;
    }

    /// <summary>Median return of each arm at each increment, against the median steps of experience there, with the target line.</summary>
    private static string Chart(AdaptationBenchmarkSettings settings, IReadOnlyList<AdaptationRun> runs)
    {
        int points = runs.Min(r => r.Curve.Count);
        double[] steps = [.. Enumerable.Range(0, points).Select(i => Median(runs.Select(r => (int?)r.Curve[i].ExperienceSteps))!.Value)];
        double[] adapted = [.. Enumerable.Range(0, points).Select(i => MedianOf(runs.Select(r => r.Curve[i].AdaptedReturn)))];
        double[] scratch = [.. Enumerable.Range(0, points).Select(i => MedianOf(runs.Select(r => r.Curve[i].ScratchReturn)))];
        double target = settings.Target * MedianOf(runs.Select(r => r.OriginalReturn));
        var chart = new LineChart($"{settings.Skill}, {settings.TaskA} to {settings.TaskB} (median of {runs.Count} runs)",
            $"steps of {settings.TaskB} experience", "normalised return, held-out layouts",
            [
                new Series("adapting a copy of the original", steps, adapted),
                new Series("learning from scratch", steps, scratch),
                new Series(string.Create(CultureInfo.InvariantCulture, $"target: {settings.Target:0.##} of the original return"), [steps[0], steps[^1]], [target, target]),
            ]) { YMin = 0, YMax = 1 };
        return chart.ToSvg();
    }

    private static string Steps(AdaptationCurvePoint? point) => point is null ? "never (within the increments)" : point.ExperienceSteps.ToString(CultureInfo.InvariantCulture);

    private static string Format(double? value, string format = "0.#") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "n/a";

    private static double MedianOf(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The median, with a run that never recovered counting as more steps than any that did; null when the median run never recovered.</summary>
    private static double? Median(IEnumerable<int?> values)
    {
        double[] sorted = [.. values.Select(v => v is { } n ? (double)n : double.PositiveInfinity).Order()];
        double median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        return double.IsFinite(median) ? median : null;
    }
}
