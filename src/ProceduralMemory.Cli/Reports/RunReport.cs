using System.Globalization;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// One self-contained HTML page of a training run: its settings, learning curves, evaluations and skills, with
/// the charts inline as SVG and the styles inline, so it opens offline and needs no script. The page is a function
/// of the run's files alone: the same folder gives the same page.
/// </summary>
internal static class RunReport
{
    /// <summary>The page's file name in the run's folder, unless <c>--out</c> says otherwise.</summary>
    public const string File = "report.html";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const string Style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; background: #f6f7f9; margin: 0; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 40px; }
        header { border-bottom: 3px solid #0072B2; margin-bottom: 20px; padding-bottom: 12px; }
        h1 { font-size: 26px; margin: 0 0 6px; }
        h2 { font-size: 19px; margin: 32px 0 10px; }
        .lead { color: #555; margin: 0; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0; }
        .card { flex: 1 1 0; background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 10px 14px; min-width: 120px; }
        .card .value { font-size: 24px; font-weight: bold; }
        .card .label { color: #666; font-size: 13px; }
        table { border-collapse: collapse; background: #fff; font-size: 14px; width: 100%; }
        th, td { border-bottom: 1px solid #e3e6ea; padding: 6px 10px; text-align: left; vertical-align: top; }
        th { background: #eef1f5; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        table.settings { width: auto; }
        table.settings td:first-child { color: #555; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        figure { margin: 12px 0; background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 6px; }
        figure svg { display: block; max-width: 100%; height: auto; }
        figcaption, .note { color: #555; font-size: 13px; margin: 6px 4px; }
        footer { color: #777; font-size: 12px; margin-top: 36px; border-top: 1px solid #dde1e6; padding-top: 8px; }
        """;

    /// <summary>The page of <paramref name="run"/>.</summary>
    public static string Html(RunFolder run)
    {
        RunSettings s = run.Settings;
        string title = $"Training run on {s.Environment}: {Number(s.Budget)} {s.BudgetUnit}, seed {s.Seed}";
        var html = new HtmlWriter().Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Element("title", $"procmem: {title}").Open("style").Raw("\n" + Style + "\n").Close("style").Raw("</head>\n<body>\n<main>\n");

        html.Open("header").Raw("\n").Element("h1", title)
            .Element("p", $"The procmem agent learning into {s.Library}, evaluated greedily with learning off on {s.EvalLayouts} held-out " +
                $"layouts ({s.EvalSeeds}) every {Number(s.EvalEvery)} training steps.", "lead")
            .Close("header");
        Cards(html, run);
        Settings(html, s);

        html.Open("section", id: "curves").Raw("\n").Element("h2", "Learning curves").Open("figure").Raw("\n")
            .Svg(TrainingReport.Chart("", run.Curve, run.Episodes))
            .Element("figcaption", "Left: mean return on the held-out layouts at each evaluation. Right: the training episodes' return, " +
                "a moving average of 10 episodes.")
            .Close("figure").Close("section");

        Evaluations(html, run);
        Skills(html, run);

        html.Open("footer").Text($"Drawn by procmem report from the run's {TrainingReport.RunFile}, {TrainingReport.EvaluationFile}, " +
            $"{TrainingReport.EpisodesFile} and {TrainingReport.SkillsFile}; written by {s.ProcmemVersion}.").Close("footer");
        return html.Raw("</main>\n</body>\n</html>\n").ToString();
    }

    private static void Cards(HtmlWriter html, RunFolder run)
    {
        LearningCurvePoint first = run.Curve[0], last = run.Curve[^1];
        html.Open("section", "cards").Raw("\n");
        Card(html, last.Evaluation.MeanReturn.ToString("0.000", Invariant), $"held-out return (from {first.Evaluation.MeanReturn.ToString("0.000", Invariant)})");
        Card(html, Percent(last.Evaluation.SuccessRate), "held-out layouts solved");
        Card(html, last.Evaluation.MeanSteps.ToString("0.0", Invariant), "mean steps per held-out layout");
        int retired = run.Skills[^1].Skills.Count(k => k.Retired is not null);
        Card(html, Number(run.Skills[^1].Skills.Count), (run.Skills[0].Skills.Count == 0
            ? "skills learned" : $"skills ({run.Skills[0].Skills.Count} at the start)") + (retired > 0 ? $", {retired} retired by the lifecycle" : ""));
        Card(html, Number(last.TrainingEpisodes), $"training episodes, {Number(last.TrainingSteps)} steps");
        html.Close("section");
    }

    private static void Card(HtmlWriter html, string value, string label) =>
        html.Open("div", "card").Element("div", value, "value").Element("div", label, "label").Close("div");

    private static void Settings(HtmlWriter html, RunSettings s)
    {
        string Library(int skills, long episodes) => skills == 0 && episodes == 0 ? "empty" : $"{Number(skills)} skills, {Number(episodes)} episodes recorded";
        IReadOnlyList<string>[] rows =
        [
            ["Environment", s.Environment],
            ["Budget", $"{Number(s.Budget)} training {s.BudgetUnit}"],
            ["Training seed", $"{s.Seed}"],
            ["Held-out layouts", $"{s.EvalSeeds} ({s.EvalLayouts} layouts)"],
            ["Evaluation every", $"{Number(s.EvalEvery)} training steps"],
            ["Episodic memory", $"the newest {Number(s.KeepEpisodes)} episodes"],
            ["Library", s.Library],
            ["Library before", Library(s.LibrarySkillsAtStart, s.LibraryEpisodesAtStart)],
            ["Library after", Library(s.LibrarySkillsAtEnd, s.LibraryEpisodesAtEnd)],
            ["Version", s.ProcmemVersion],
        ];
        html.Open("section", id: "settings").Raw("\n").Element("h2", "Settings").Table(["Setting", "Value"], rows, new HashSet<int>(), "settings")
            .Close("section");
    }

    private static void Evaluations(HtmlWriter html, RunFolder run)
    {
        var rows = run.Curve.Zip(run.Skills, (p, skills) => (IReadOnlyList<string>)
        [
            Number(p.TrainingSteps), Number(p.TrainingEpisodes), p.Evaluation.MeanReturn.ToString("0.000", Invariant),
            Percent(p.Evaluation.SuccessRate), p.Evaluation.MeanSteps.ToString("0.0", Invariant), Number(skills.Skills.Count),
        ]);
        html.Open("section", id: "evaluation").Raw("\n").Element("h2", "Evaluations")
            .Table(["Training steps", "Training episodes", "Mean return", "Solved", "Mean steps", "Skills"], rows,
                new HashSet<int> { 0, 1, 2, 3, 4, 5 }, "evaluation", "checkpoint")
            .Close("section");
    }

    private static void Skills(HtmlWriter html, RunFolder run)
    {
        html.Open("section", id: "skills").Raw("\n").Element("h2", "Skills");
        IReadOnlyList<SkillSnapshot> final = run.Skills[^1].Skills;
        if (final.Count == 0)
        {
            html.Element("p", "The library holds no skills: none was learned in this run.", "note").Close("section");
            return;
        }
        var rows = final.Select(k => (IReadOnlyList<string>)
        [
            $"{k.Id}", k.Name, k.Preconditions, k.Effect, k.Policy, Number(k.Uses), Number(k.Successes),
            k.SuccessRate is { } rate ? Percent(rate) : "-", $"{Number(k.Demonstrations)} ({Number(k.KeptDemonstrations)} kept)",
            FirstSeen(run, k.Id), (k.Retired is { } why ? $"retired: {why}" : "active") + (k.Contexts is { } contexts ? $"; {contexts}" : ""),
        ]);
        html.Table(["Id", "Name", "Preconditions", "Effect", "Policy", "Uses", "Successes", "Success rate", "Demonstrations", "First seen (step)", "Status"], rows,
                new HashSet<int> { 0, 5, 6, 7, 8, 9 }, "skills", "skill")
            .Element("p", "Uses, successes and demonstrations are the library's totals at the end of the run (every run and agent that " +
                "learned into it); a skill's network trains on the demonstrations it keeps.", "note");
        html.Open("figure").Raw("\n").Svg(SkillChart(run))
            .Element("figcaption", "Each skill at every evaluation: how often it had been used, and the share of those uses that reached its effect.")
            .Close("figure").Close("section");
    }

    /// <summary>Each skill's uses, and success rate, against training steps: a line per skill from the evaluation it first appears at.</summary>
    private static Figure SkillChart(RunFolder run)
    {
        var skills = run.Skills[^1].Skills;
        Series Line(SkillSnapshot skill, Func<SkillSnapshot, double?> value)
        {
            var points = run.Skills
                .Select(c => (c.TrainingSteps, Value: c.Skills.FirstOrDefault(k => k.Id == skill.Id) is { } k ? value(k) : null))
                .Where(p => p.Value is not null).ToArray();
            return new Series($"#{skill.Id} {skill.Name}", points.Select(p => (double)p.TrainingSteps).ToArray(), points.Select(p => p.Value!.Value).ToArray());
        }
        // Both charts span the whole run, so that they line up even where a skill has no uses (and so no rate) yet.
        double? end = run.Curve[^1].TrainingSteps > 0 ? run.Curve[^1].TrainingSteps : null;
        var uses = new LineChart("Uses", "Training steps", "Uses so far", skills.Select(k => Line(k, s => s.Uses)))
        { XMin = end is null ? null : 0, XMax = end, YMin = 0 };
        var success = new LineChart("Success rate", "Training steps", "Share of uses succeeded", skills.Select(k => Line(k, s => s.SuccessRate)))
        { XMin = end is null ? null : 0, XMax = end, YMin = 0, YMax = 1 };
        return new Figure(1, 2, [uses, success]);
    }

    /// <summary>The training step of the first evaluation that saw the skill, or "start" for one the library held before the run.</summary>
    private static string FirstSeen(RunFolder run, int id)
    {
        SkillCheckpoint first = run.Skills.First(c => c.Skills.Any(k => k.Id == id));
        return first == run.Skills[0] ? "start" : Number(first.TrainingSteps);
    }

    private static string Number(long value) => value.ToString("N0", Invariant);

    private static string Percent(double share) => share.ToString("0%", Invariant);
}
