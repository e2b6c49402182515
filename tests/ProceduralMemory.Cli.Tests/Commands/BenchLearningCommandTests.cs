using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchLearningCommandTests
{
    [Fact]
    public void BenchLearning_Json_LastLineCarriesTheContractFields()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "1500", "--eval-seeds", "0-9", "--seed", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal("doorkey-5x5", root.GetProperty("env").GetString());
        Assert.Equal("procmem", root.GetProperty("agent").GetString());
        Assert.Equal(1500, root.GetProperty("train_env_steps").GetInt32());
        Assert.Equal(10, root.GetProperty("eval_episodes").GetInt32());
        Assert.InRange(root.GetProperty("eval_mean_return").GetDouble(), 0.0, 1.0);
        Assert.InRange(root.GetProperty("eval_success_rate").GetDouble(), 0.0, 1.0);
        Assert.True(root.GetProperty("eval_mean_steps").GetDouble() > 0);
        Assert.True(root.TryGetProperty("optimal_mean_steps", out _));
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("train_steps_per_second").GetDouble() > 0);
    }

    [Fact]
    public void BenchLearning_UnknownAgent_ExitsTwoNamingTheKnownOnes()
    {
        CliRun run = CliRun.Of("bench", "learning", "--agent", "oracle");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("procmem", Assert.Single(run.ErrorLines));
    }
}
