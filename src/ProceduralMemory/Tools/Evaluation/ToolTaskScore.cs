namespace ProceduralMemory.Tools.Evaluation;

/// <summary>How one episode of a tool task measured up against the task's ground truth.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Success">The environment's verdict (the reference's reward).</param>
/// <param name="RecalledProcedure">True when the state-changing tools the agent called (successfully, in order) are the ground truth's.</param>
/// <param name="ArgumentsMatched">Ground-truth state changes the agent made with exactly the same arguments.</param>
/// <param name="StateChanges">Ground-truth state changes.</param>
/// <param name="Calls">Calls the agent made.</param>
/// <param name="GroundTruthCalls">Calls the ground truth makes.</param>
public sealed record ToolTaskScore(string TaskId, bool Success, bool RecalledProcedure, int ArgumentsMatched, int StateChanges, int Calls, int GroundTruthCalls)
{
    /// <summary>Scores <paramref name="episode"/> against its task's ground truth, telling state changes by <paramref name="tools"/>.</summary>
    public static ToolTaskScore Of(Agents.ToolEpisode episode, IReadOnlyList<ToolDefinition> tools)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(tools);
        var changing = tools.Where(t => t.ChangesState).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var truth = episode.Task.Actions.Where(a => changing.Contains(a.Name)).ToList();
        var made = episode.Calls.Where(s => changing.Contains(s.Call.Name) && !s.Result.IsError).Select(s => s.Call).ToList();
        int matched = 0;
        var unmatched = new List<ToolCall>(made);
        foreach (ToolCall call in truth)
        {
            int at = unmatched.FindIndex(m => m.SameAs(call));
            if (at < 0)
                continue;
            matched++;
            unmatched.RemoveAt(at);
        }
        return new ToolTaskScore(episode.Task.Id, episode.Evaluation.Success,
            truth.Select(c => c.Name).SequenceEqual(made.Select(c => c.Name), StringComparer.Ordinal),
            matched, truth.Count, episode.Calls.Count, episode.Task.Actions.Count);
    }
}
