using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchAttentionCommandTests
{
    private static readonly string[] Small =
    [
        "bench", "attention", "--train-envs", "doorkey-5x5,doorkey-8x8", "--test-envs", "doorkey-16x16", "--train-steps", "1500", "--seeds", "1",
        "--eval-seeds", "0-2", "--json",
    ];

    [Fact]
    public void BenchAttention_Json_ComparesTopOneWithAttention_PerSettingAndTask_AndTheSameSeedGivesTheSameResult()
    {
        CliRun run = CliRun.Of(Small);
        CliRun again = CliRun.Of(Small);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal(["doorkey-5x5", "doorkey-8x8"], root.GetProperty("train_envs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["doorkey-16x16"], root.GetProperty("test_envs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1500, root.GetProperty("train_steps").GetInt32());
        Assert.Equal(1, root.GetProperty("seeds").GetInt32());
        Assert.Equal("0-2", root.GetProperty("eval_seeds").GetString());
        Assert.Equal(0.05, root.GetProperty("temperature").GetDouble(), 6);
        Assert.Equal(0.95, root.GetProperty("exact_fit").GetDouble(), 6);
        Assert.Equal(4, root.GetProperty("max_candidates").GetInt32());
        Assert.False(root.GetProperty("evidence_prior").GetBoolean());
        Assert.False(root.GetProperty("success_prior").GetBoolean());
        Assert.Equal(["projection"], root.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
        JsonElement[] settings = [.. root.GetProperty("settings").EnumerateArray()];
        Assert.Equal(["default", "networks_act"], settings.Select(s => s.GetProperty("setting").GetString()));
        foreach (JsonElement setting in settings)
        {
            JsonElement[] tasks = [.. setting.GetProperty("tasks").EnumerateArray()];
            Assert.Equal(["doorkey-5x5", "doorkey-8x8", "doorkey-16x16"], tasks.Select(t => t.GetProperty("env").GetString()));
            Assert.Equal([false, false, true], tasks.Select(t => t.GetProperty("changed").GetBoolean()));
            foreach (JsonElement task in tasks)
            {
                Assert.Equal(3, task.GetProperty("layouts").GetInt32());
                Assert.InRange(task.GetProperty("top1_mean_return").GetDouble(), 0.0, 1.0);
                Assert.InRange(task.GetProperty("attention_mean_return").GetDouble(), 0.0, 1.0);
                Assert.InRange(task.GetProperty("top1_success_rate").GetDouble(), 0.0, 1.0);
                Assert.InRange(task.GetProperty("attention_success_rate").GetDouble(), 0.0, 1.0);
                Assert.Single(task.GetProperty("top1_per_seed").EnumerateArray());
                Assert.Single(task.GetProperty("attention_per_seed").EnumerateArray());
                Assert.InRange(task.GetProperty("blended_actions").GetInt32(), 0, task.GetProperty("network_actions").GetInt32());
            }
            Assert.Equal(tasks[2].GetProperty("top1_mean_return").GetDouble(), setting.GetProperty("changed_top1_mean_return").GetDouble());
            Assert.Equal(tasks[2].GetProperty("attention_mean_return").GetDouble(), setting.GetProperty("changed_attention_mean_return").GetDouble());
        }
        // In the default agent the explorer acts where there is no plan; with it off the networks act.
        Assert.True(settings[1].GetProperty("tasks").EnumerateArray().Sum(t => t.GetProperty("network_actions").GetInt32())
            > settings[0].GetProperty("tasks").EnumerateArray().Sum(t => t.GetProperty("network_actions").GetInt32()));
        Assert.Contains(run.OutLines, l => l.StartsWith("  changed tasks, mean: top-1 ", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("seed 1: trained on doorkey-8x8 (1,500 steps)", StringComparison.Ordinal));
        Assert.Equal(run.OutLines, again.OutLines);
    }

    [Fact]
    public void BenchAttention_Chart_DrawsTopOneAndAttentionForEveryChangedTaskAndSetting()
    {
        using var dir = new TemporaryDirectory();
        string chart = dir.Combine("attention.svg");

        CliRun run = CliRun.Of([.. Small[..^1], "--chart", chart]);

        Assert.Equal(0, run.ExitCode);
        string svg = File.ReadAllText(chart);
        Assert.Equal(2 * 2, System.Text.RegularExpressions.Regex.Matches(svg, "class=\"bar\"").Count); // one changed task, two settings, two retrievals
        Assert.Contains("doorkey-16x16 (projection keys, networks act) attention", svg, StringComparison.Ordinal);
        Assert.Contains(run.OutLines, l => l == $"  chart: {chart}");
    }

    [Fact]
    public void BenchAttention_WithEncoderKeys_PlaysTheLibraryAsTrained_ThenReKeyedByASituationEncoder()
    {
        string[] arguments = [.. Small[..^1], "--keys", "encoder,projection", "--success-prior", "--json"];
        CliRun run = CliRun.Of(arguments);
        CliRun again = CliRun.Of(arguments);
        CliRun projectionOnly = CliRun.Of([.. Small[..^1], "--success-prior", "--json"]);

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        using JsonDocument projectionJson = JsonDocument.Parse(projectionOnly.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("success_prior").GetBoolean());
        // Played in this order whatever the order asked for: re-keying cannot be undone.
        Assert.Equal(["projection", "encoder"], root.GetProperty("keys").EnumerateArray().Select(e => e.GetString()));
        JsonElement[] settings = [.. root.GetProperty("settings").EnumerateArray()];
        Assert.Equal(["projection/default", "projection/networks_act", "encoder/default", "encoder/networks_act"],
            settings.Select(s => $"{s.GetProperty("keys").GetString()}/{s.GetProperty("setting").GetString()}"));
        // The projection's half is the run without the encoder, figure for figure.
        Assert.Equal(projectionJson.RootElement.GetProperty("settings").EnumerateArray().Select(s => s.GetRawText()),
            settings[..2].Select(s => s.GetRawText()));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("seed 1: re-keyed the library with situation-encoder/v1 ", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l == "encoder keys, networks_act:");
        Assert.Equal(run.OutLines, again.OutLines);
    }

    [Fact]
    public void BenchAttention_WithATaskBothTrainedOnAndChanged_ExitsTwoWithOneLine()
    {
        CliRun run = CliRun.Of("bench", "attention", "--train-envs", "doorkey-5x5", "--test-envs", "doorkey-5x5,doorkey-16x16", "--train-steps", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("doorkey-5x5 is in both", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
    }

    [Theory]
    [InlineData("--test-envs", "gridworld", "doorkey-16x16")] // the known tasks are named
    [InlineData("--temperature", "0", "--temperature")]
    [InlineData("--max-candidates", "0", "--max-candidates")]
    [InlineData("--exact-fit", "1.5", "--exact-fit")]
    [InlineData("--keys", "demonstration", "projection, encoder")] // the known kinds are named
    public void BenchAttention_WithABadValue_ExitsTwoWithOneLine(string option, string value, string said)
    {
        CliRun run = CliRun.Of("bench", "attention", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(said, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
