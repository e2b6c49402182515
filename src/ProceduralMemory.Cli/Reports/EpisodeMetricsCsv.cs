using System.Globalization;
using System.Text;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>Per-episode metrics as CSV, one row per episode, invariant culture.</summary>
internal static class EpisodeMetricsCsv
{
    public const string Header = "episode,reward,steps,skills,success,skill_uses,cumulative_skill_uses";

    public static string Write(IEnumerable<EpisodeMetrics> episodes)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        foreach (EpisodeMetrics e in episodes)
            csv.Append(CultureInfo.InvariantCulture,
                $"{e.Episode},{e.Reward.ToString("0.######", CultureInfo.InvariantCulture)},{e.Steps},{e.Skills},{(e.Success ? "true" : "false")},{e.SkillUses},{e.CumulativeSkillUses}\n");
        return csv.ToString();
    }
}
