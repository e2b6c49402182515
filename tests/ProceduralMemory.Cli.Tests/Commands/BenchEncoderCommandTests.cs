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
    public void BenchEncoder_Chart_DrawsEveryQueryKeyInEachPanel()
    {
        using var dir = new TemporaryDirectory();
        string chart = dir.Combine("keys.svg");

        CliRun run = CliRun.Of([.. Small[..^1], "--chart", chart]);

        Assert.Equal(0, run.ExitCode);
        string svg = File.ReadAllText(chart);
        // 30 queries in each of three panels (today's keys, the skill encoder, the situation encoder), three skills in the legend.
        Assert.Equal(3 * 30 + 3, System.Text.RegularExpressions.Regex.Matches(svg, "<circle").Count);
        Assert.Contains(run.OutLines, l => l == $"  chart: {chart}");
    }

    [Fact]
    public void BenchEncoder_WithSeparation_ReportsItAndTheLeastKeyDistances_AndTrainsOtherEncoders()
    {
        CliRun plain = CliRun.Of(Small);
        CliRun separated = CliRun.Of([.. Small, "--separation", "5"]);

        Assert.Equal(0, separated.ExitCode);
        using JsonDocument without = JsonDocument.Parse(plain.OutLines[^1]), with = JsonDocument.Parse(separated.OutLines[^1]);
        Assert.Equal(0, without.RootElement.GetProperty("separation").GetDouble());
        Assert.Equal(5, with.RootElement.GetProperty("separation").GetDouble());
        foreach (string kind in new[] { "encoder", "situation_projection", "summary_projection", "situation_encoder" })
            Assert.InRange(with.RootElement.GetProperty($"{kind}_least_distance").GetDouble(), 0.0, 2.0);
        // The projections do not learn, so their keys are the same; the encoders' weights are not.
        Assert.Equal(without.RootElement.GetProperty("situation_projection_least_distance").GetDouble(),
            with.RootElement.GetProperty("situation_projection_least_distance").GetDouble());
        Assert.NotEqual(without.RootElement.GetProperty("encoder_model").GetString(), with.RootElement.GetProperty("encoder_model").GetString());
        Assert.Contains(separated.OutLines, l => l.StartsWith("  encoder of the starting situation alone (dim 8): ", StringComparison.Ordinal)
            && l.Contains("; least distance between skills' keys ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("NaN")]
    [InlineData("lots")]
    public void BenchEncoder_WithABadSeparation_ExitsTwoWithOneLine(string value)
    {
        CliRun run = CliRun.Of("bench", "encoder", "--separation", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--separation must be a number from 0 to 1000", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
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
