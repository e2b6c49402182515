using System.Globalization;
using System.Text;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// Agents compared on environments: held-out return against training steps, mean and spread (one standard
/// deviation) over training seeds, as a chart, a CSV of every checkpoint, and a table of final numbers with the
/// normalised return (eval return over the shortest plans' on the same layouts), also drawn as a bar chart.
/// </summary>
internal static class ComparisonReport
{
    public const string ChartFile = "comparison.svg", CsvFile = "comparison.csv", TableFile = "comparison.md",
        NormalisedChartFile = "normalised-return.svg";

    /// <summary>The normalised return the bar chart marks as the target (issue 14's).</summary>
    public const double NormalisedTarget = 0.9;

    public static Figure Chart(IReadOnlyList<ComparisonRun> runs, IReadOnlyList<string> environments, IReadOnlyList<string> agents)
    {
        var charts = environments.Select(env => new LineChart($"{env}: return on held-out layouts", "Training steps", "Mean return",
            agents.Select(agent => runs.Where(r => r.Environment == env && r.Agent == agent).ToList())
                  .Where(group => group.Count > 0)
                  .Select(group => MeanSeries(group[0].Agent, group)))
        { YMin = 0, YMax = 1 });
        int seeds = runs.Select(r => r.Seed).Distinct().Count();
        return new Figure(1, environments.Count, charts)
        {
            Title = $"Learning from scratch: mean and spread (±1 s.d.) over {seeds} training seeds",
        };
    }

    public static string Csv(IEnumerable<ComparisonRun> runs)
    {
        var csv = new StringBuilder("env,agent,seed,training_steps,training_episodes,eval_episodes,eval_mean_return,eval_success_rate,eval_mean_steps\n");
        foreach (ComparisonRun run in runs)
            foreach (var p in run.Curve)
                csv.Append(CultureInfo.InvariantCulture,
                    $"{run.Environment},{run.Agent},{run.Seed},{p.TrainingSteps},{p.TrainingEpisodes},{p.Evaluation.Episodes},{p.Evaluation.MeanReturn:0.######},{p.Evaluation.SuccessRate:0.######},{p.Evaluation.MeanSteps:0.###}\n");
        return csv.ToString();
    }

    /// <summary>
    /// A Markdown table of the final evaluation: mean ± s.d. over seeds of return, success rate, steps and normalised
    /// return (n/a where <paramref name="yardstick"/> has no shortest plans' return), with the worst seed's
    /// normalised return and success rate, and the shortest plans' mean steps and return.
    /// </summary>
    public static string Table(IReadOnlyList<ComparisonRun> runs, IReadOnlyList<string> environments, IReadOnlyList<string> agents,
        Func<string, ShortestPlanYardstick?> yardstick)
    {
        var table = new StringBuilder("| environment | agent | seeds | training steps | test layouts | also trained on | eval return | " +
            "success rate (worst seed) | mean steps | shortest plans' steps | shortest plans' return | normalised return (worst seed) |\n");
        table.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (string env in environments)
        {
            ShortestPlanYardstick? plans = yardstick(env);
            foreach (string agent in agents)
            {
                var finals = runs.Where(r => r.Environment == env && r.Agent == agent).Select(r => r.Curve[^1]).ToList();
                if (finals.Count == 0)
                    continue;
                double?[] normalised = finals.Select(f => plans?.Normalise(f.Evaluation.MeanReturn)).ToArray();
                string normalisedCell = normalised.All(n => n is not null)
                    ? $"{Spread(normalised.Select(n => n!.Value), "0.00")} ({normalised.Min()!.Value.ToString("0.00", CultureInfo.InvariantCulture)})"
                    : "n/a";
                table.Append(CultureInfo.InvariantCulture,
                    $"| {env} | {agent} | {finals.Count} | {finals.Max(f => f.TrainingSteps)} | {finals.Max(f => f.Evaluation.Episodes)} | " +
                    $"{finals.Max(f => f.Evaluation.LayoutsAlsoTrainedOn)} | {Spread(finals.Select(f => f.Evaluation.MeanReturn), "0.000")} | " +
                    $"{Spread(finals.Select(f => f.Evaluation.SuccessRate * 100), "0")}% ({finals.Min(f => f.Evaluation.SuccessRate) * 100:0}%) | " +
                    $"{Spread(finals.Select(f => f.Evaluation.MeanSteps), "0.0")} | {Optional(plans?.MeanSteps, "0.0")} | " +
                    $"{Optional(plans?.MeanReturn, "0.000")} | {normalisedCell} |\n");
            }
        }
        return table.ToString();
    }

    /// <summary>
    /// The normalised return of every environment and agent as bars (mean over seeds, whiskers from the worst to
    /// the best seed), against the target; n/a where there is no shortest-plan yardstick.
    /// </summary>
    public static BarChart NormalisedChart(IReadOnlyList<ComparisonRun> runs, IReadOnlyList<string> environments, IReadOnlyList<string> agents,
        Func<string, ShortestPlanYardstick?> yardstick)
    {
        var bars = new List<Bar>();
        foreach (string env in environments)
        {
            ShortestPlanYardstick? plans = yardstick(env);
            foreach (string agent in agents)
            {
                double?[] normalised = runs.Where(r => r.Environment == env && r.Agent == agent)
                    .Select(r => plans?.Normalise(r.Curve[^1].Evaluation.MeanReturn)).ToArray();
                if (normalised.Length == 0)
                    continue;
                string label = agents.Count == 1 ? env : $"{env} · {agent}";
                bars.Add(normalised.All(n => n is not null)
                    ? new Bar(label, normalised.Average(), normalised.Min(), normalised.Max())
                    : new Bar(label, null));
            }
        }
        int seeds = runs.Select(r => r.Seed).Distinct().Count();
        return new BarChart($"Normalised return on held-out layouts: mean over {seeds} training seed{(seeds == 1 ? "" : "s")} (whiskers: worst to best)",
            "eval mean return / the shortest plans' mean return on the same layouts", bars, Min: 0, Max: 1.05)
        {
            Reference = NormalisedTarget,
            ReferenceLabel = $"target {NormalisedTarget.ToString(CultureInfo.InvariantCulture)}",
        };
    }

    private static string Optional(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "n/a";

    private static Series MeanSeries(string name, IReadOnlyList<ComparisonRun> group)
    {
        int points = group.Min(r => r.Curve.Count);
        var x = new double[points];
        var mean = new double[points];
        var lower = new double[points];
        var upper = new double[points];
        for (int i = 0; i < points; i++)
        {
            double[] values = group.Select(r => r.Curve[i].Evaluation.MeanReturn).ToArray();
            x[i] = group.Average(r => (double)r.Curve[i].TrainingSteps);
            (mean[i], double sd) = MeanAndDeviation(values);
            (lower[i], upper[i]) = (mean[i] - sd, mean[i] + sd);
        }
        return new Series(name, x, mean, lower, upper);
    }

    private static string Spread(IEnumerable<double> values, string format)
    {
        var (mean, sd) = MeanAndDeviation(values.ToArray());
        return $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {sd.ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static (double Mean, double Deviation) MeanAndDeviation(double[] values)
    {
        double mean = values.Average();
        double variance = values.Length > 1 ? values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) : 0;
        return (mean, Math.Sqrt(variance));
    }
}
