namespace ProceduralMemory.Cli.Team;

/// <summary>
/// How long a skill one team member stored took to reach each other member's in-memory library (and retrieval
/// index): the time from its <see cref="SkillEvent.Stored"/> event to each <see cref="SkillEvent.Arrived"/> event.
/// </summary>
internal static class CatchUpDelays
{
    /// <summary>The delays in milliseconds, one per (skill, receiving member), from each member's events.</summary>
    public static double[] Of(IReadOnlyList<IReadOnlyList<SkillEvent>> eventsByMember)
    {
        var storedAt = new Dictionary<int, (int Member, long At)>();
        for (int member = 0; member < eventsByMember.Count; member++)
            foreach (SkillEvent e in eventsByMember[member].Where(e => e.Kind == SkillEvent.Stored))
                if (!storedAt.TryGetValue(e.SkillId, out var first) || e.AtNanoseconds < first.At)
                    storedAt[e.SkillId] = (member, e.AtNanoseconds);

        var delays = new List<double>();
        for (int member = 0; member < eventsByMember.Count; member++)
            foreach (SkillEvent e in eventsByMember[member].Where(e => e.Kind == SkillEvent.Arrived))
                if (storedAt.TryGetValue(e.SkillId, out var stored) && stored.Member != member)
                    delays.Add((e.AtNanoseconds - stored.At) / 1e6);
        delays.Sort();
        return [.. delays];
    }
}
