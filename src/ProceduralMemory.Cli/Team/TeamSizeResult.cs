namespace ProceduralMemory.Cli.Team;

/// <summary>The teams of one size in a social-learning benchmark, and what their members needed to reach the target.</summary>
internal sealed record TeamSizeResult(int Agents, double Target, int Budget, IReadOnlyList<IReadOnlyList<TeamMemberResult>> Teams,
    int Members, int Reached, double? MedianSteps, double? MeanSteps, double? CatchUpMedianMs, double? CatchUpMaxMs)
{
    public static TeamSizeResult Of(int agents, IReadOnlyList<IReadOnlyList<TeamMemberResult>> teams, double target, int budget)
    {
        TeamMemberResult[] members = [.. teams.SelectMany(t => t)];
        int?[] steps = [.. members.Select(m => m.StepsToReach(target))];
        double[] reached = [.. steps.Where(s => s is not null).Select(s => (double)s!.Value)];
        // A member that never reached the target counts as beyond every budget, so the median is honest about it.
        double[] ranked = [.. steps.Select(s => s is { } v ? v : double.PositiveInfinity).Order()];
        double median = NearestRank.Median(ranked);
        double[] delays = [.. teams.SelectMany(t => CatchUpDelays.Of([.. t.Select(m => m.Events)])).Order()];
        return new TeamSizeResult(agents, target, budget, teams, members.Length, reached.Length,
            double.IsFinite(median) ? median : null, reached.Length > 0 ? reached.Average() : null,
            delays.Length > 0 ? NearestRank.Median(delays) : null, delays.Length > 0 ? delays[^1] : null);
    }
}
