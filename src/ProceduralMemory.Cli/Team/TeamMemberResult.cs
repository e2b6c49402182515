using System.Text.Json;

namespace ProceduralMemory.Cli.Team;

/// <summary>One member's run: its seed, how it ended, its learning curve and the skill events it recorded.</summary>
internal sealed record TeamMemberResult(int Member, int Seed, int ExitCode, string? Failure,
    IReadOnlyList<TeamCurvePoint> Curve, JsonElement? Summary, IReadOnlyList<SkillEvent> Events)
{
    /// <summary>The member's final evaluation return, or NaN when it produced none.</summary>
    public double FinalReturn => Curve.Count > 0 ? Curve[^1].EvalReturn : double.NaN;

    /// <summary>
    /// The member's own training steps at its first evaluation with a mean return of at least
    /// <paramref name="target"/>, or null when no evaluation reached it.
    /// </summary>
    public int? StepsToReach(double target)
    {
        foreach (TeamCurvePoint point in Curve)
            if (point.EvalReturn >= target)
                return point.Steps;
        return null;
    }
}

/// <summary>One evaluation of a team member, after <paramref name="Steps"/> of its own training steps.</summary>
internal readonly record struct TeamCurvePoint(int Steps, int Episodes, double EvalReturn, double EvalSuccess);
