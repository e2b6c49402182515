namespace ProceduralMemory.Cli.Tests.Commands;

public class CompareCommandTests
{
    [Fact]
    public void Compare_WithAnUnwritableOutput_ExitsTwoBeforeTraining()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("file"), "x");
        CliRun run = CliRun.Of("compare", "--out", dir.Combine("file"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Compare_WithZeroSeeds_ExitsTwo() => Assert.Equal(2, CliRun.Of("compare", "--seeds", "0").ExitCode);

    [Theory]
    [InlineData("--env", "doorkey-5x5,nowhere")]
    [InlineData("--env", "doorkey-5x5,doorkey-5x5")]
    [InlineData("--steps", "5000,abc")]
    [InlineData("--steps", "0")]
    public void Compare_WithABadList_ExitsTwoWithOneLine(string option, string value)
    {
        CliRun run = CliRun.Of("compare", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Single(run.ErrorLines);
        Assert.StartsWith("procmem: ", run.Error);
    }

    [Fact]
    public void Compare_WithMoreBudgetsThanEnvironments_ExitsTwo()
    {
        CliRun run = CliRun.Of("compare", "--env", "doorkey-5x5", "--steps", "100,200");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2 budgets for 1 environments", run.Error);
    }

    [Fact]
    public void Compare_TrainsEveryAgentOnTheGivenEnvironmentsForTheirBudgets()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("compare", "--env", "gridworld,doorkey-5x5", "--steps", "160,80", "--seeds", "1", "--eval-seeds", "0-1",
            "--out", dir.Path);
        Assert.Equal(0, run.ExitCode);
        string[] rows = File.ReadAllLines(dir.Combine("comparison.csv"))[1..];
        var finalSteps = rows.Select(r => r.Split(',')).GroupBy(f => f[0]).ToDictionary(g => g.Key, g => g.Max(f => int.Parse(f[3])));
        Assert.Equal(["doorkey-5x5", "gridworld"], finalSteps.Keys.Order());
        Assert.Equal(160, finalSteps["gridworld"]);
        Assert.Equal(80, finalSteps["doorkey-5x5"]);
        string table = File.ReadAllText(dir.Combine("comparison.md"));
        // Test layouts and how many training visited: the grid world's one layout is both; 5x5's two are held out.
        Assert.Contains("| gridworld | procmem | 1 | 160 | 1 | 1 |", table);
        Assert.Contains("| doorkey-5x5 | random | 1 | 80 | 2 | 0 |", table);
        Assert.Contains("gridworld: return on held-out layouts", File.ReadAllText(dir.Combine("comparison.svg")));
        // The normalised return's bars: one per environment and agent; the grid world cannot plan, so it has none.
        string bars = File.ReadAllText(dir.Combine("normalised-return.svg"));
        Assert.Contains("doorkey-5x5 · procmem", bars);
        Assert.Contains("n/a", bars);
    }
}
