using System.Globalization;
using System.Text;
using ProceduralMemory.Cli.Team;

namespace ProceduralMemory.Cli.Reports;

/// <summary>The files of a team run: every member's evaluations in one CSV, and their learning curves in one chart.</summary>
internal static class TeamReport
{
    public const string EvaluationFile = "team-evaluation.csv", ChartFile = "team-learning-curves.svg";

    public static string EvaluationCsv(IEnumerable<TeamMemberResult> members)
    {
        var csv = new StringBuilder("agent,seed,training_steps,training_episodes,eval_mean_return,eval_success_rate\n");
        foreach (TeamMemberResult member in members)
            foreach (TeamCurvePoint p in member.Curve)
                csv.Append(CultureInfo.InvariantCulture,
                    $"{member.Member + 1},{member.Seed},{p.Steps},{p.Episodes},{p.EvalReturn:0.######},{p.EvalSuccess:0.######}\n");
        return csv.ToString();
    }

    /// <summary>Each member's held-out return against its own training steps.</summary>
    public static LineChart Chart(string title, IEnumerable<TeamMemberResult> members) =>
        new(title, "Training steps (each agent's own)", "Mean return on held-out layouts",
            members.Where(m => m.Curve.Count > 0).Select(m => new Series($"agent {m.Member + 1} (seed {m.Seed})",
                m.Curve.Select(p => (double)p.Steps).ToArray(), m.Curve.Select(p => p.EvalReturn).ToArray())))
        { YMin = 0, YMax = 1 };
}
