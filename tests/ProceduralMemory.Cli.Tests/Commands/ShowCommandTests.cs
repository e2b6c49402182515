namespace ProceduralMemory.Cli.Tests.Commands;

public class ShowCommandTests
{
    [Fact]
    public void Show_PrintsTheSeedsLayout_AsOneLinePerRow()
    {
        CliRun run = CliRun.Of("show", "--env", "doorkey-6x6", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("doorkey-6x6 seed 3, step 0 of at most 360", run.OutLines[0]);
        string[] grid = run.OutLines[1..7];
        Assert.All(grid, row => Assert.Equal(6, row.Length));
        Assert.Equal("######", grid[0]);
        Assert.Equal("######", grid[5]);
        Assert.Equal('G', grid[4][4]);
        Assert.Single(string.Concat(grid), c => c == 'K');
        Assert.Single(string.Concat(grid), c => c == 'L');
        Assert.Single(string.Concat(grid), c => ">v<^".Contains(c));
        Assert.StartsWith("facts {has_key=false, door_open=false", run.OutLines[8]);
    }

    [Fact]
    public void Show_IsTheSameForTheSameSeed()
    {
        Assert.Equal(CliRun.Of("show", "--env", "doorkey-8x8", "--seed", "11").Out, CliRun.Of("show", "--env", "doorkey-8x8", "--seed", "11").Out);
        Assert.NotEqual(CliRun.Of("show", "--env", "doorkey-8x8", "--seed", "11").Out, CliRun.Of("show", "--env", "doorkey-8x8", "--seed", "12").Out);
    }

    [Fact]
    public void Show_WithActions_PrintsAFramePerAction_ByNameOrIndex()
    {
        CliRun run = CliRun.Of("show", "--env", "doorkey-5x5", "--seed", "1", "--actions", "left,1,done");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["step 1: left -> reward 0, terminated false, truncated false",
                      "step 2: right -> reward 0, terminated false, truncated false",
                      "step 3: done -> reward 0, terminated false, truncated false"],
            run.OutLines.Where(l => l.StartsWith("step ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Show_TheGridWorld_DrawsTheSeedsLayout()
    {
        CliRun run = CliRun.Of("show", "--env", "gridworld");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["....G", ".B.D.", "..K..", ".....", "A...."], run.OutLines[1..6]);
    }

    [Fact]
    public void Show_WithAnUnknownEnvironment_ExitsTwoListingTheKnownOnes()
    {
        CliRun run = CliRun.Of("show", "--env", "doorkey-7x7");

        Assert.Equal(2, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        Assert.Contains("doorkey-7x7", error);
        // Every registered environment is listed, whichever families are registered.
        Assert.Contains(string.Join(", ", ProceduralMemory.Environments.EnvironmentRegistry.Names), error);
        Assert.Contains("gridworld", error);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Show_WithAnUnknownAction_ExitsTwo()
    {
        CliRun run = CliRun.Of("show", "--env", "doorkey-5x5", "--actions", "jump");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("jump", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData(",")]
    [InlineData("left,,forward")]
    [InlineData("left,")]
    [InlineData("")]
    public void Show_WithAnEmptyActionEntry_ExitsTwo_RatherThanDroppingIt(string actions)
    {
        CliRun run = CliRun.Of("show", "--env", "doorkey-5x5", "--actions", actions);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("empty entry", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }
}
