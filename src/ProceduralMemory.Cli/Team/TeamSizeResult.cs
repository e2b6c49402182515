namespace ProceduralMemory.Cli.Team;

/// <summary>The teams of one size in a social-learning benchmark, and what their members needed to reach the target.</summary>
/// <param name="Agents">The team size.</param>
/// <param name="Target">The evaluation return each member had to reach.</param>
/// <param name="Teams">Every team of this size, member by member.</param>
/// <param name="ReachedSteps">The own training steps of each member that reached the target, ascending.</param>
/// <param name="MedianSteps">The members' median steps to the target, a member that never reached it counted as beyond every budget; null when that median is beyond.</param>
/// <param name="CatchUpMedianMs">Median time for a stored skill to reach another member, in milliseconds (null: none passed).</param>
/// <param name="CatchUpMaxMs">The longest such time.</param>
internal sealed record TeamSizeResult(int Agents, double Target, IReadOnlyList<IReadOnlyList<TeamMemberResult>> Teams,
    IReadOnlyList<double> ReachedSteps, double? MedianSteps, double? CatchUpMedianMs, double? CatchUpMaxMs)
{
    public int Members => Teams.Sum(t => t.Count);

    public int Reached => ReachedSteps.Count;

    /// <summary>The mean steps to the target of the members that reached it.</summary>
    public double? MeanSteps => Reached > 0 ? ReachedSteps.Average() : null;

    public static TeamSizeResult Of(int agents, IReadOnlyList<IReadOnlyList<TeamMemberResult>> teams, double target)
    {
        int?[] steps = [.. teams.SelectMany(t => t).Select(m => m.StepsToReach(target))];
        double[] ranked = [.. steps.Select(s => s is { } v ? v : double.PositiveInfinity).Order()];
        double median = NearestRank.Median(ranked);
        double[] delays = [.. teams.SelectMany(t => CatchUpDelays.Of([.. t.Select(m => m.Events)])).Order()];
        return new TeamSizeResult(agents, target, teams, [.. ranked.Where(double.IsFinite)], double.IsFinite(median) ? median : null,
            delays.Length > 0 ? NearestRank.Median(delays) : null, delays.Length > 0 ? delays[^1] : null);
    }
}
