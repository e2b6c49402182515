using System.Text.Json;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Cli.Tests.Serving;

/// <summary>
/// The same trajectories and outcomes given to <c>procmem mcp</c> (the SDK's client over stdio) and to <c>procmem serve</c>
/// (<see cref="HttpClient"/>), each over a fresh SQLite library, leave the two libraries the same.
/// </summary>
public sealed class RecordingParityTests
{
    [Fact]
    public async Task SameTrajectoriesAndOutcomes_ThroughMcpAndHttp_GiveTheSameLibrary()
    {
        TauDomain domain = TauDomain.Load("retail", DataFiles.TauDomain("retail"));
        // Fifteen successes (train tasks 0-14, their ground-truth calls with the results they gave), then a failure.
        List<Dictionary<string, object?>> trajectories = [.. Enumerable.Range(0, 15).Select(i => RetailTrajectories.Of(domain, "train", i))];
        trajectories.Add(RetailTrajectories.Of(domain, "train", 15, success: false));
        using var work = new TemporaryDirectory();
        string viaMcp = work.Combine("mcp.db"), viaHttp = work.Combine("http.db");

        var mcpAnswers = new List<string>();
        var httpAnswers = new List<string>();
        await using (McpServer mcp = await McpServer.Start(viaMcp))
        {
            foreach (Dictionary<string, object?> trajectory in trajectories)
                mcpAnswers.Add(Recorded(await mcp.Call("record_trajectory", trajectory)));
            foreach (var (id, success) in Outcomes(await mcp.Call("list_procedures", [])))
                mcpAnswers.Add((await mcp.Call("report_outcome", new() { ["procedure_id"] = id, ["success"] = success, ["notes"] = "parity" })).GetRawText());
        }
        using (HttpServer http = await HttpServer.Start(viaHttp))
        {
            foreach (Dictionary<string, object?> trajectory in trajectories)
                httpAnswers.Add(Recorded(await http.Post("/trajectories", trajectory)));
            foreach (var (id, success) in Outcomes(await http.Get("/procedures")))
                httpAnswers.Add(Wrapped(await http.Post($"/procedures/{id}/outcome", new { success, notes = "parity" })));
        }

        // Read back from the files, by stores of their own, after both servers are gone.
        List<SkillRecord> mcpSkills = Skills(viaMcp), httpSkills = Skills(viaHttp);
        Assert.True(mcpSkills.Count >= 3, $"only {mcpSkills.Count} procedures were learned");
        Assert.Contains(mcpSkills, s => s.Demonstrations > 1);
        Assert.Contains(mcpSkills, s => s.Uses > s.Successes); // the failure and the failed outcomes counted
        Assert.Equal(mcpSkills.Select(Describe), httpSkills.Select(Describe));
        Assert.Equal(Views(viaMcp), Views(viaHttp));
        // Each surface answered each request alike: what a recording learned and which procedures it counted a use of, and
        // each procedure after its outcome (MCP lists it, as every MCP result lists procedures).
        Assert.Equal(trajectories.Count + mcpSkills.Count, mcpAnswers.Count);
        for (int i = 0; i < mcpAnswers.Count; i++)
            Assert.Equal(mcpAnswers[i], httpAnswers[i]);
        Assert.Contains(mcpAnswers.Take(trajectories.Count), a => a.Contains("followed [{", StringComparison.Ordinal));
    }

    /// <summary>An outcome for each listed procedure: a success for odd ids, a failure for even ones.</summary>
    private static List<(int Id, bool Success)> Outcomes(JsonElement listed) =>
        [.. listed.GetProperty("procedures").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).Select(id => (id, id % 2 == 1))];

    // The fields both surfaces answer a recording with (MCP also lists each learned procedure in full).
    private static string Recorded(JsonElement answer) =>
        $"learned {answer.GetProperty("learned").GetRawText()} followed {answer.GetProperty("followed").GetRawText()}";

    private static string Wrapped(JsonElement procedure) =>
        JsonSerializer.Serialize(new { procedures = new[] { procedure } });

    private static List<SkillRecord> Skills(string path)
    {
        using var store = SqliteSkillStore.Open(path, readOnly: true);
        return [.. store.ReadChanges(0).Skills.OrderBy(s => s.Id)];
    }

    private static string Describe(SkillRecord s) =>
        // Counts first, so a failure message shows them before the long policy and key.
        $"{s.Id} {s.Name} uses {s.Uses} successes {s.Successes} demonstrations {s.Demonstrations} limit {s.StepLimit} {s.Policy.Kind} {Convert.ToBase64String(s.Policy.Data)} key {string.Join(',', s.Key)}";

    private static string Views(string path)
    {
        using var store = SqliteSkillStore.Open(path, readOnly: true);
        return JsonSerializer.Serialize(new ProcedureMemory(store).List(), ProcedureJson.Options);
    }
}
