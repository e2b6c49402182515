using System.Text.Json;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Team;

/// <summary>One member's run: its seed, how it ended, its learning curve and the skill events it recorded.</summary>
internal sealed record TeamMemberResult(int Member, int Seed, int ExitCode, string? Failure,
    IReadOnlyList<TeamCurvePoint> Curve, JsonElement? Summary, IReadOnlyList<SkillEvent> Events)
{
    /// <summary>The member's final evaluation return, or NaN when it produced none.</summary>
    public double FinalReturn => Curve.Count > 0 ? Curve[^1].EvalReturn : double.NaN;

    /// <summary>
    /// The member's own training steps when its curve first meets <see cref="TargetRule"/> for <paramref name="target"/>
    /// (two evaluations in a row at or above it, each on at least 100 layouts), or null when it never does.
    /// </summary>
    public int? StepsToReach(double target) => TargetRule.StepsToReach(Curve.Select(p => (p.Steps, p.Layouts, p.EvalReturn)), target);
}

/// <summary>One evaluation of a team member on <paramref name="Layouts"/> layouts, after <paramref name="Steps"/> of its own training steps.</summary>
internal readonly record struct TeamCurvePoint(int Steps, int Episodes, int Layouts, double EvalReturn, double EvalSuccess);
