using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Team;

/// <summary><c>procmem train --agents N</c> and <c>procmem bench social</c>, run as real processes (they start processes of their own).</summary>
public class TeamTrainingTests
{
    [Fact]
    public void TrainWithAgents_RunsEachMemberAsAProcess_AndTheLibraryHoldsTheirSummedWork()
    {
        using var dir = new TemporaryDirectory();
        string library = dir.Combine("team.db");
        using var run = ProcmemProcess.Start("train", "--env", "doorkey-5x5", "--agents", "3", "--steps", "1200", "--eval-every", "600",
            "--eval-seeds", "0-3", "--library", library, "--out", dir.Combine("out"), "--json");
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(5)) == 0, string.Join('\n', run.Lines));

        using var json = JsonDocument.Parse(run.Lines[^1]);
        JsonElement[] members = [.. json.RootElement.GetProperty("members").EnumerateArray()];
        Assert.Equal([42, 43, 44], members.Select(m => m.GetProperty("seed").GetInt32()));
        long uses = members.Sum(m => m.GetProperty("summary").GetProperty("committed_uses").GetInt64());
        long episodes = members.Sum(m => m.GetProperty("summary").GetProperty("train_episodes").GetInt64());
        using (var store = Sqlite.SqliteSkillStore.Open(library, readOnly: true))
        {
            var totals = store.ReadChanges(0);
            Assert.Equal(uses, totals.Skills.Sum(s => (long)s.Uses));
            Assert.Equal(episodes, totals.Episodes);
            Assert.Equal(totals.Skills.Count, json.RootElement.GetProperty("library_skills").GetInt32());
        }
        Assert.True(uses > 0);
        foreach (int member in new[] { 1, 2, 3 })
            Assert.True(File.Exists(dir.Combine($"out/agent-{member}/evaluation.csv")));
        Assert.Contains("<svg", File.ReadAllText(dir.Combine("out/team-learning-curves.svg")));
        Assert.Equal(1 + 3 * 3, File.ReadAllLines(dir.Combine("out/team-evaluation.csv")).Length); // header + 3 evaluations each
        // Members' news comes through prefixed, and every stored skill reached the other two members.
        Assert.Contains(run.Lines, l => l.StartsWith("[agent 2] steps=", StringComparison.Ordinal));
        int stored = run.Lines.Count(l => l.Contains("] Stored new skill #", StringComparison.Ordinal));
        Assert.True(stored > 0, string.Join('\n', run.Lines));
        Assert.True(json.RootElement.GetProperty("catch_up_ms_max").GetDouble() > 0);
    }

    [Fact]
    public void TrainWithAgents_OnABadLibrary_FailsOnceWithExitCode2()
    {
        using var dir = new TemporaryDirectory();
        string notALibrary = dir.Combine("notes.txt");
        File.WriteAllText(notALibrary, "not a library, and it must stay this way");
        using var run = ProcmemProcess.Start("train", "--agents", "2", "--steps", "100", "--library", notALibrary, "--out", dir.Combine("out"));
        Assert.Equal(2, run.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Single(run.Lines, l => l.StartsWith("stderr: ", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("[agent", StringComparison.Ordinal));
        Assert.Equal("not a library, and it must stay this way", File.ReadAllText(notALibrary));
    }

    [Fact]
    public void BenchSocial_ReportsStepsToTheTargetForEachTeamSize()
    {
        using var dir = new TemporaryDirectory();
        // Seeds 0-109 give 101 distinct doorkey-6x6 layouts: the target rule counts only evaluations on at least 100.
        using var run = ProcmemProcess.Start("bench", "social", "--env", "doorkey-6x6", "--agents", "2,1", "--target", "0.3", "--steps", "1200",
            "--eval-every", "300", "--eval-seeds", "0-109", "--repeats", "1", "--out", dir.Path, "--json");
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(5)) == 0, string.Join('\n', run.Lines));

        using var json = JsonDocument.Parse(run.Lines[^1]);
        JsonElement[] results = [.. json.RootElement.GetProperty("results").EnumerateArray()];
        Assert.Equal([1, 2], results.Select(r => r.GetProperty("agents").GetInt32()));
        Assert.Equal([1, 2], results.Select(r => r.GetProperty("members").GetInt32()));
        string[] csv = File.ReadAllLines(dir.Combine("social.csv"));
        Assert.Equal(1 + 3, csv.Length);
        Assert.Contains("<svg", File.ReadAllText(dir.Combine("social.svg")));
        // A member's steps to target is the second of its first two evaluations in a row at or above the target
        // (empty when there were none).
        foreach (string[] cells in csv.Skip(1).Select(row => row.Split(',')))
        {
            var evaluations = File.ReadAllLines(dir.Combine($"agents-{cells[0]}-run-{cells[1]}/agent-{cells[2]}/evaluation.csv")).Skip(1)
                .Select(l => l.Split(',')).Select(c => (Steps: c[0], Return: double.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            string? expected = evaluations.Skip(1).Where((e, i) => e.Return >= 0.3 && evaluations[i].Return >= 0.3).Select(e => e.Steps).FirstOrDefault();
            Assert.Equal(expected ?? "", cells[4]);
        }
    }

    [Fact]
    public void BenchSocial_OnFewerThanAHundredTestLayouts_IsRefused_AndCreatesNothing()
    {
        using var dir = new TemporaryDirectory();
        string output = dir.Combine("social");

        // doorkey-8x8's seeds 0-99 give 99 distinct layouts (seeds 7 and 66 share one).
        CliRun run = CliRun.Of("bench", "social", "--env", "doorkey-8x8", "--eval-seeds", "0-99", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("procmem: --eval-seeds 0-99 give 99 distinct doorkey-8x8 test layouts: a target counts only on at least 100; give more seeds.",
            Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(output));
    }
}
