using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchAdaptCommandTests
{
    private static readonly string[] Small =
    [
        "bench", "adapt", "--task-a", "unlock", "--task-b", "doorkey-6x6", "--skill", "open(door)", "--train-seeds", "0-29",
        "--experience-seeds", "0-15", "--test-seeds", "500-509", "--increments", "2,8,16", "--runs", "2", "--json",
    ];

    [Fact]
    public void BenchAdapt_Json_CarriesBothArmsPerRun_AndTheSameSeedGivesTheSameResult()
    {
        CliRun run = CliRun.Of(Small);
        CliRun again = CliRun.Of(Small);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal("unlock", root.GetProperty("task_a").GetString());
        Assert.Equal("doorkey-6x6", root.GetProperty("task_b").GetString());
        Assert.Equal("open(door)", root.GetProperty("skill").GetString());
        Assert.Equal("500-509", root.GetProperty("test_seeds").GetString());
        Assert.Equal(0.001, root.GetProperty("learning_rate").GetDouble(), 6);
        Assert.Equal(4, root.GetProperty("adaptation_epochs").GetInt32());
        Assert.Equal(0.9, root.GetProperty("target").GetDouble());
        JsonElement[] runs = [.. root.GetProperty("runs").EnumerateArray()];
        Assert.Equal([1UL, 2UL], runs.Select(r => r.GetProperty("seed").GetUInt64()));
        foreach (JsonElement r in runs)
        {
            Assert.InRange(r.GetProperty("original_return").GetDouble(), 0.0, 1.5);
            Assert.InRange(r.GetProperty("zero_shot_return").GetDouble(), 0.0, 1.5);
            JsonElement[] curve = [.. r.GetProperty("curve").EnumerateArray()];
            Assert.Equal([2, 8, 16], curve.Select(p => p.GetProperty("demonstrations").GetInt32()));
            Assert.True(curve[0].GetProperty("experience_steps").GetInt32() < curve[^1].GetProperty("experience_steps").GetInt32());
            foreach (string name in new[] { "adapted_return", "scratch_return" })
                Assert.All(curve, p => Assert.InRange(p.GetProperty(name).GetDouble(), 0.0, 1.5));
            Assert.All(curve, p => Assert.True(p.GetProperty("adapted_gradient_steps").GetInt32() < p.GetProperty("scratch_gradient_steps").GetInt32()));
            Assert.All(curve, p => p.GetProperty("copy_kept").GetBoolean());
            foreach (string name in new[] { "adapted_steps_to_target", "scratch_steps_to_target", "adapted_gradient_steps_to_target", "scratch_gradient_steps_to_target" })
                Assert.True(r.TryGetProperty(name, out _), name);
        }
        foreach (string name in new[] { "median_adapted_steps_to_target", "median_scratch_steps_to_target", "steps_ratio", "target_met" })
            Assert.True(root.TryGetProperty(name, out _), name);
        Assert.Contains(run.OutLines, l => l.StartsWith("Median steps to recover: ", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("seed 2: 16 demonstrations (", StringComparison.Ordinal));
        Assert.Equal(run.OutLines, again.OutLines);
    }

    [Fact]
    public void BenchAdapt_Chart_DrawsBothArmsAndTheTarget()
    {
        using var dir = new TemporaryDirectory();
        string chart = dir.Combine("adapt.svg");

        CliRun run = CliRun.Of([.. Small[..^1], "--chart", chart]);

        Assert.Equal(0, run.ExitCode);
        string svg = File.ReadAllText(chart);
        Assert.Contains("adapting a copy of the original", svg, StringComparison.Ordinal);
        Assert.Contains("learning from scratch", svg, StringComparison.Ordinal);
        Assert.Contains("target: 0.9 of the original return", svg, StringComparison.Ordinal);
        Assert.Contains(run.OutLines, l => l == $"  chart: {chart}");
    }

    [Theory]
    [InlineData("overlap", "--experience-seeds", "0-20", "--test-seeds", "10-30")]
    [InlineData("overlap", "--train-seeds", "0-20", "--test-seeds", "10-30")]
    [InlineData("same task", "--task-a", "doorkey-8x8", "--task-b", "doorkey-8x8")]
    [InlineData("shows no", "--skill", "pickup(ball)", "--train-seeds", "0-4")]
    [InlineData("increasing", "--increments", "4,2")]
    [InlineData("--learning-rate", "--learning-rate", "1")]
    [InlineData("unknown", "--task-b", "gridworld")]
    public void BenchAdapt_BadInput_ExitsTwoWithOneLine(string expected, params string[] arguments)
    {
        CliRun run = CliRun.Of(["bench", "adapt", .. arguments]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
    }

    [Fact]
    public void BenchLearning_Adapt_ReportsTheVariants()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "1500", "--eval-seeds", "0-9", "--adapt");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.StartsWith("Adaptation: ", StringComparison.Ordinal) && l.Contains(" variants kept, ", StringComparison.Ordinal));
    }

    [Fact]
    public void BenchLearning_Adapt_WithAnotherAgent_ExitsTwo()
    {
        CliRun run = CliRun.Of("bench", "learning", "--adapt", "--agent", "random");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("needs the procmem agent", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_Adapt_KeepsVariantsInTheLibrary_AndATeamRefusesIt()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1500", "--eval-seeds", "0-4", "--adapt",
            "--library", dir.Combine("x.db"), "--out", dir.Combine("out"), "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        Assert.True(json.RootElement.GetProperty("adapted_variants").GetInt32() >= 0);
        Assert.Contains(run.OutLines, line => line.StartsWith("Adaptation: ", StringComparison.Ordinal));

        CliRun team = CliRun.Of("train", "--adapt", "--agents", "2", "--library", dir.Combine("y.db"), "--out", dir.Combine("out2"));
        Assert.Equal(2, team.ExitCode);
        Assert.Contains("--adapt applies to one agent", Assert.Single(team.ErrorLines), StringComparison.Ordinal);
    }
}
