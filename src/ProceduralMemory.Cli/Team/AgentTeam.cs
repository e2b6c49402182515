using System.Text.Json;

namespace ProceduralMemory.Cli.Team;

/// <summary>
/// Runs a team: one <c>procmem train</c> process per member, all learning into one library at once, so that what
/// one member learns the others reuse (social learning). Each member's news is passed on as it happens, prefixed
/// with the member's number; its learning curve, summary and skill events are collected when it ends.
/// </summary>
internal static class AgentTeam
{
    /// <summary>The name of each member's event log inside its folder.</summary>
    public const string EventsFile = "skill-events.jsonl";

    /// <summary>
    /// The most members a team may have: each is a process of its own, so an unbounded count (say 100,000) would start
    /// processes until the machine stalls before anything refused it.
    /// </summary>
    public const int MaxAgents = 64;

    /// <summary>Runs every member of <paramref name="plan"/> to the end; <paramref name="news"/> receives their notable lines.</summary>
    public static IReadOnlyList<TeamMemberResult> Run(TeamPlan plan, Action<string> news)
    {
        var workers = new List<(int Member, string Events, WorkerProcess Process)>();
        var gate = new object();
        var library = new Dictionary<string, string> { [Library.SkillStores.LibraryVariable] = plan.Library };
        if (plan.ConnectTimeout is { } connectTimeout)
            library[Library.SkillStores.ConnectTimeoutVariable] = $"{(int)Math.Ceiling(connectTimeout.TotalSeconds)}";
        void Tell(string line)
        {
            lock (gate) // members' lines arrive on their own reader threads
                news(line);
        }
        try
        {
            for (int member = 0; member < plan.Agents; member++)
            {
                string directory = Path.Combine(plan.OutputDirectory, $"agent-{member + 1}");
                Directory.CreateDirectory(directory);
                string events = Path.Combine(directory, EventsFile);
                File.Delete(events);
                string prefix = $"[agent {member + 1}] ";
                WorkerProcess process = WorkerProcess.Start(plan.WorkerArguments(member, directory, events), library,
                    line =>
                    {
                        if (IsNews(line))
                            Tell(prefix + line);
                    },
                    line => Tell(prefix + "error: " + line));
                workers.Add((member, events, process));
            }
            return [.. workers.Select(w => Collect(plan, w.Member, w.Process, w.Events))];
        }
        finally
        {
            foreach (var worker in workers)
                worker.Process.Dispose();
        }
    }

    /// <summary>Progress and skill news; the member's closing lists and file names are left to its own folder.</summary>
    private static bool IsNews(string line) =>
        line.StartsWith("steps=", StringComparison.Ordinal) || line.Contains(" skill #", StringComparison.Ordinal);

    private static TeamMemberResult Collect(TeamPlan plan, int member, WorkerProcess process, string eventsFile)
    {
        int exitCode = process.WaitForExit();
        int seed = plan.Seed + member;
        IReadOnlyList<SkillEvent> events = SkillEvent.ReadAll(eventsFile);
        string? last = process.Output.LastOrDefault(l => l.StartsWith('{'));
        if (exitCode != 0 || last is null)
        {
            string failure = process.Errors.LastOrDefault() ?? $"it ended with exit code {exitCode} and no result";
            return new TeamMemberResult(member, seed, exitCode == 0 ? ExitCodes.CheckFailed : exitCode, failure, [], null, events);
        }
        JsonElement summary = JsonDocument.Parse(last).RootElement.Clone();
        var curve = summary.GetProperty("curve").EnumerateArray().Select(p => new TeamCurvePoint(
            p.GetProperty("steps").GetInt32(), p.GetProperty("episodes").GetInt32(), p.GetProperty("eval_layouts").GetInt32(),
            p.GetProperty("eval_return").GetDouble(), p.GetProperty("eval_success").GetDouble())).ToList();
        return new TeamMemberResult(member, seed, exitCode, null, curve, summary, events);
    }
}
