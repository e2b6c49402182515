using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void BenchEnv_WithJson_EndsWithOneObjectOfTheContractsFields()
    {
        CliRun run = CliRun.Of("bench", "env", "--env", "doorkey-5x5", "--episodes", "20", "--seed", "4", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal(["env", "episodes", "steps", "seconds", "steps_per_second"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("doorkey-5x5", root.GetProperty("env").GetString());
        Assert.Equal(20, root.GetProperty("episodes").GetInt32());
        Assert.InRange(root.GetProperty("steps").GetInt64(), 20, 20 * 250);
        Assert.True(root.GetProperty("steps_per_second").GetDouble() > 0);
    }

    [Fact]
    public void BenchEnv_TakesTheSameStepsForTheSameSeed()
    {
        long Steps(string seed) => JsonDocument.Parse(CliRun.Of("bench", "env", "--env", "doorkey-8x8", "--episodes", "30", "--seed", seed, "--json").OutLines[^1])
            .RootElement.GetProperty("steps").GetInt64();

        Assert.Equal(Steps("9"), Steps("9"));
    }

    [Fact]
    public void BenchEnv_WithoutJson_PrintsAHumanSummary()
    {
        CliRun run = CliRun.Of("bench", "env", "--env", "gridworld", "--episodes", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("gridworld: 5 episodes, 250 steps in ", run.OutLines[0]);
        Assert.DoesNotContain(run.OutLines, l => l.StartsWith('{'));
    }

    [Fact]
    public void BenchEnv_WithAnUnknownEnvironment_ExitsTwo()
    {
        CliRun run = CliRun.Of("bench", "env", "--env", "minecraft");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("gridworld", Assert.Single(run.ErrorLines));
    }
}
