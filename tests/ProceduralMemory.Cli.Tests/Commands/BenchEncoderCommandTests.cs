using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchEncoderCommandTests
{
    private static readonly string[] Small =
        ["bench", "encoder", "--train-envs", "doorkey-5x5,doorkey-8x8", "--test-envs", "doorkey-16x16", "--train-seeds", "0-29", "--test-seeds", "500-509", "--epochs", "60", "--json"];

    [Fact]
    public void BenchEncoder_Json_CarriesBothAccuracies_AndTheSameSeedGivesTheSameResult()
    {
        CliRun run = CliRun.Of(Small);
        CliRun again = CliRun.Of(Small);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal(["open(door)", "pickup(key)", "reach(goal)"], root.GetProperty("skills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(180, root.GetProperty("training_demonstrations").GetInt32());
        Assert.Equal(30, root.GetProperty("queries").GetInt32());
        double encoder = root.GetProperty("encoder_accuracy").GetDouble(), projection = root.GetProperty("situation_projection_accuracy").GetDouble();
        Assert.InRange(encoder, 0.0, 1.0);
        Assert.InRange(projection, 0.0, 1.0);
        Assert.InRange(root.GetProperty("summary_projection_accuracy").GetDouble(), 0.0, 1.0);
        Assert.InRange(root.GetProperty("situation_encoder_accuracy").GetDouble(), 0.0, 1.0);
        Assert.StartsWith("skill-encoder/v1 dim=8", root.GetProperty("encoder_model").GetString(), StringComparison.Ordinal);
        Assert.Contains(run.OutLines, l => l.StartsWith("  encoder keys (", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("doorkey-16x16: 30 query demonstrations", StringComparison.Ordinal));
        Assert.Equal(run.OutLines, again.OutLines);
    }

    [Fact]
    public void BenchEncoder_Chart_DrawsEveryQueryKeyInBothPanels()
    {
        using var dir = new TemporaryDirectory();
        string chart = dir.Combine("keys.svg");

        CliRun run = CliRun.Of([.. Small[..^1], "--chart", chart]);

        Assert.Equal(0, run.ExitCode);
        string svg = File.ReadAllText(chart);
        Assert.Equal(2 * 30 + 3, System.Text.RegularExpressions.Regex.Matches(svg, "<circle").Count); // 30 queries twice, three skills in the legend
        Assert.Contains(run.OutLines, l => l == $"  chart: {chart}");
    }

    [Fact]
    public void BenchEncoder_WithQueriesFromTrainingLayouts_ExitsTwoWithOneLine()
    {
        CliRun run = CliRun.Of("bench", "encoder", "--train-envs", "doorkey-5x5", "--test-envs", "doorkey-5x5", "--train-seeds", "0-9", "--test-seeds", "5-20");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("overlap", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
    }

    [Fact]
    public void BenchEncoder_OnATaskOutsideMiniGrid_ExitsTwoNamingTheKnownOnes()
    {
        CliRun run = CliRun.Of("bench", "encoder", "--test-envs", "gridworld");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("doorkey-16x16", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
