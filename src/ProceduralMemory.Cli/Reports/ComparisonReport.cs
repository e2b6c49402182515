using System.Globalization;
using System.Text;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// Agents compared on environments: held-out return against training steps, mean and spread (one standard
/// deviation) over training seeds, as a chart, a CSV of every checkpoint, and a table of final numbers.
/// </summary>
internal static class ComparisonReport
{
    public const string ChartFile = "comparison.svg", CsvFile = "comparison.csv", TableFile = "comparison.md";

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

    /// <summary>A Markdown table of the final evaluation: mean ± s.d. over seeds of return, success rate and steps.</summary>
    public static string Table(IReadOnlyList<ComparisonRun> runs, IReadOnlyList<string> environments, IReadOnlyList<string> agents,
        Func<string, double?> optimalSteps)
    {
        var table = new StringBuilder("| environment | agent | training steps | test layouts | also trained on | eval return | success rate | mean steps | optimal steps |\n");
        table.Append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (string env in environments)
        {
            string optimal = optimalSteps(env) is { } o ? o.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
            foreach (string agent in agents)
            {
                var finals = runs.Where(r => r.Environment == env && r.Agent == agent).Select(r => r.Curve[^1]).ToList();
                if (finals.Count == 0)
                    continue;
                table.Append(CultureInfo.InvariantCulture,
                    $"| {env} | {agent} | {finals.Max(f => f.TrainingSteps)} | {finals.Max(f => f.Evaluation.Episodes)} | " +
                    $"{finals.Max(f => f.Evaluation.LayoutsAlsoTrainedOn)} | {Spread(finals.Select(f => f.Evaluation.MeanReturn), "0.000")} | " +
                    $"{Spread(finals.Select(f => f.Evaluation.SuccessRate * 100), "0")}% | {Spread(finals.Select(f => f.Evaluation.MeanSteps), "0.0")} | {optimal} |\n");
            }
        }
        return table.ToString();
    }

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
