using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary><c>--attention</c> on <c>train</c> and <c>bench learning</c>, reported under the names <c>eval --attention</c> uses.</summary>
public class AttentionOptionCommandTests
{
    /// <summary>Both runs succeeded; the first reports no attention and no blends, the second attention and at most one blend per network action.</summary>
    private static void AssertReportedAsEvalDoes(CliRun plain, CliRun attending)
    {
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(0, attending.ExitCode);
        using JsonDocument plainJson = JsonDocument.Parse(plain.OutLines[^1]);
        using JsonDocument json = JsonDocument.Parse(attending.OutLines[^1]);
        AssertAttention(plainJson.RootElement, expected: false);
        AssertAttention(json.RootElement, expected: true);
    }

    private static void AssertAttention(JsonElement root, bool expected)
    {
        Assert.Equal(expected, root.GetProperty("attention").GetBoolean());
        int network = root.GetProperty("network_actions").GetInt32(), blended = root.GetProperty("blended_actions").GetInt32();
        Assert.InRange(blended, 0, network);
        if (!expected)
            Assert.Equal(0, blended);
    }

    [Fact]
    public void Train_WithAttention_SaysSo_AndCountsTheActions_AsEvalDoes()
    {
        using var dir = new TemporaryDirectory();
        CliRun plain = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1500", "--eval-seeds", "0-4",
            "--library", dir.Combine("plain.db"), "--out", dir.Combine("plain"), "--json");
        CliRun attending = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1500", "--eval-seeds", "0-4", "--attention",
            "--library", dir.Combine("attending.db"), "--out", dir.Combine("attending"), "--json");

        AssertReportedAsEvalDoes(plain, attending);
    }

    [Fact]
    public void Train_WithAttention_ForATeam_ExitsTwoWithOneLine()
    {
        using var dir = new TemporaryDirectory();
        CliRun team = CliRun.Of("train", "--attention", "--agents", "2", "--library", dir.Combine("y.db"), "--out", dir.Combine("out"));

        Assert.Equal(2, team.ExitCode);
        Assert.Contains("--attention applies to one agent", Assert.Single(team.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("y.db")));
    }

    [Fact]
    public void BenchLearning_WithAttention_SaysSo_AndCountsTheActions_AsEvalDoes()
    {
        CliRun plain = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "1500", "--eval-seeds", "0-9", "--json");
        CliRun attending = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "1500", "--eval-seeds", "0-9", "--attention", "--json");

        AssertReportedAsEvalDoes(plain, attending);
    }

    [Fact]
    public void BenchLearning_WithAttention_ForAnotherAgent_ExitsTwoWithOneLine()
    {
        CliRun run = CliRun.Of("bench", "learning", "--attention", "--agent", "random");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--attention needs the procmem agent", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
