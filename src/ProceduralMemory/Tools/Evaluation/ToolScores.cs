namespace ProceduralMemory.Tools.Evaluation;

/// <summary>The measures of a set of scored episodes.</summary>
/// <param name="Tasks">Tasks scored.</param>
/// <param name="SuccessRate">Share of tasks the environment judged done (the reference's reward, averaged).</param>
/// <param name="ProcedureRecall">Share of tasks whose state-changing tools the agent called, in order, as the ground truth does.</param>
/// <param name="ArgumentAccuracy">Share of all ground-truth state changes the agent made with exactly the same arguments.</param>
/// <param name="MeanCalls">Calls per task the agent made.</param>
/// <param name="MeanGroundTruthCalls">Calls per task the ground truth makes.</param>
public sealed record ToolScores(int Tasks, double SuccessRate, double ProcedureRecall, double ArgumentAccuracy, double MeanCalls, double MeanGroundTruthCalls)
{
    /// <summary>The measures of <paramref name="scores"/>.</summary>
    public static ToolScores Of(IReadOnlyList<ToolTaskScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
            return new ToolScores(0, 0, 0, 0, 0, 0);
        int changes = scores.Sum(s => s.StateChanges);
        return new ToolScores(scores.Count,
            scores.Count(s => s.Success) / (double)scores.Count,
            scores.Count(s => s.RecalledProcedure) / (double)scores.Count,
            changes == 0 ? 0 : scores.Sum(s => s.ArgumentsMatched) / (double)changes,
            scores.Average(s => s.Calls),
            scores.Average(s => s.GroundTruthCalls));
    }
}
