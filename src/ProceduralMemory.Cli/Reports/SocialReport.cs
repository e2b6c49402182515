using ProceduralMemory.Cli.Team;

namespace ProceduralMemory.Cli.Reports;

/// <summary>The chart of a social-learning benchmark: learning curves by team size, and steps to the target by team size.</summary>
internal static class SocialReport
{
    public static Figure Chart(string environment, double target, IReadOnlyList<TeamSizeResult> results)
    {
        var curves = results.Select(r => MeanCurve($"{r.Agents} agent{(r.Agents == 1 ? "" : "s")}", r)).ToList();
        double lastStep = curves.Count > 0 ? curves.Max(c => c.X.Count > 0 ? c.X[^1] : 0) : 0;
        curves.Add(new Series($"target {target:0.###}", [0, Math.Max(1, lastStep)], [target, target]));
        var learning = new LineChart("Mean held-out return of each agent", "Training steps (each agent's own)", "Mean return", curves)
        { YMin = 0, YMax = 1 };

        var reached = results.Where(r => r.MedianSteps is not null).ToList();
        var sizes = reached.Select(r => (double)r.Agents).ToArray();
        var steps = new LineChart($"Steps each agent needs to reach {target:0.###}", "Agents sharing one library", "Own training steps",
            [new Series("median (band: min to max)", sizes, reached.Select(r => r.MedianSteps!.Value).ToArray(),
                reached.Select(r => r.ReachedSteps[0]).ToArray(), reached.Select(r => r.ReachedSteps[^1]).ToArray())])
        { YMin = 0, XMin = 0 };
        return new Figure(1, 2, [learning, steps]) { Title = $"Social learning on {environment}: agents sharing one skill library" };
    }

    /// <summary>The members' curves averaged evaluation by evaluation (their evaluations fall at nearly the same steps).</summary>
    private static Series MeanCurve(string name, TeamSizeResult result)
    {
        var curves = result.Teams.SelectMany(t => t).Select(m => m.Curve).Where(c => c.Count > 0).ToList();
        int points = curves.Count == 0 ? 0 : curves.Min(c => c.Count);
        return new Series(name,
            Enumerable.Range(0, points).Select(i => curves.Average(c => (double)c[i].Steps)).ToArray(),
            Enumerable.Range(0, points).Select(i => curves.Average(c => c[i].EvalReturn)).ToArray());
    }
}
