using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchTransferCommandTests
{
    [Fact]
    public void BenchTransfer_SkillsFromDoorKey_SolveUnlockWithNoTraining_AndDoorKeyIsKept()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("bench", "transfer", "--sequence", "doorkey-5x5,unlock", "--steps", "6000", "--checkpoint-every", "1000",
            "--seeds", "1", "--eval-seeds", "0-19", "--out", dir.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal("procmem", root.GetProperty("agent").GetString());
        JsonElement doorKey = root.GetProperty("tasks")[0], unlock = root.GetProperty("tasks")[1];
        // An empty library explores its way through some small rooms, but must train to hold the target.
        Assert.True(doorKey.GetProperty("zero_shot")[0].GetDouble() < 0.9);
        Assert.True(doorKey.GetProperty("steps_with_memory")[0].GetInt32() > 0);
        // DoorKey's skills (get the key, open the door) are Unlock's task: solved before any training on it, where a
        // learner from scratch must train.
        Assert.True(unlock.GetProperty("zero_shot")[0].GetDouble() >= 0.9, unlock.ToString());
        Assert.Equal(0, unlock.GetProperty("steps_with_memory")[0].GetInt32());
        Assert.True(unlock.GetProperty("steps_from_scratch")[0].GetInt32() > 0);
        Assert.True(doorKey.GetProperty("retention_after_curriculum")[0].GetDouble() >= 0.99);
        foreach (string file in new[] { "steps-to-target.svg", "retention.svg", "transfer.json", "transfer.md" })
            Assert.True(File.Exists(Path.Combine(dir.Path, file)), file);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir.Path, "retention.svg")), StringComparison.Ordinal);
        Assert.Contains(run.OutLines, l => l.StartsWith("| unlock | ", StringComparison.Ordinal) && l.Contains(" | 0 (1/1) | ", StringComparison.Ordinal));
    }

    [Fact]
    public void BenchTransfer_UnknownTask_ExitsTwoNamingTheKnownOnes_AndWritesNothing()
    {
        using var dir = new TemporaryDirectory();
        string output = Path.Combine(dir.Path, "out");
        CliRun run = CliRun.Of("bench", "transfer", "--sequence", "doorkey-5x5,no-such-task", "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("doorkey-8x8", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void BenchTransfer_Ppo_CarriesOneNetwork_AndReportsRetention()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("bench", "transfer", "--agent", "ppo", "--sequence", "empty-5x5,doorkey-5x5", "--steps", "2048",
            "--checkpoint-every", "1024", "--seeds", "1", "--eval-seeds", "0-9", "--out", dir.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal("ppo", root.GetProperty("agent").GetString());
        Assert.Equal(2, root.GetProperty("retention").GetArrayLength());
        Assert.Equal(2, root.GetProperty("retention")[1].GetArrayLength());
        Assert.Equal(2, root.GetProperty("tasks").GetArrayLength());
    }
}
