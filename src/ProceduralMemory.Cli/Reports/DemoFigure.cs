using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>The seed tutorial's 2x2 figure: rewards, steps, library size and cumulative skill uses per episode.</summary>
internal static class DemoFigure
{
    public static Figure Create(IReadOnlyList<EpisodeMetrics> episodes)
    {
        double[] x = episodes.Select(e => (double)e.Episode).ToArray();
        LineChart Chart(string title, string yLabel, Func<EpisodeMetrics, double> value) =>
            new(title, "Episode", yLabel, [new Series(yLabel, x, episodes.Select(value).ToArray())]);

        return new Figure(2, 2,
        [
            Chart("Episode Rewards", "Reward", e => e.Reward),
            Chart("Steps per Episode", "Steps", e => e.Steps),
            Chart("Skills in Library", "Skills", e => e.Skills),
            Chart("Cumulative Skill Uses", "Skill uses", e => e.CumulativeSkillUses),
        ])
        { Title = "procmem demo: the seed tutorial's agent on the 5x5 grid world" };
    }
}
