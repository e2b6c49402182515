using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Cli.Tests.Commands;

public class ShowCommandTests
{
    [Fact]
    public void Show_PrintsTheSeedsLayout_AsOneLinePerRow_TwoCharactersPerCell()
    {
        CliRun run = CliRun.Of("show", "--env", "doorkey-6x6", "--seed", "3");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("doorkey-6x6 seed 3, step 0 of at most 360", run.OutLines[0]);
        string[] grid = run.OutLines[1..7];
        Assert.All(grid, row => Assert.Equal(12, row.Length));
        Assert.Equal("############", grid[0]);
        Assert.Equal("############", grid[5]);
        Assert.Equal("Gg", grid[4][8..10]); // the green goal at (4, 4)
        string cells = string.Concat(grid);
        Assert.Single(Enumerable.Range(0, 36), i => cells.Substring(2 * i, 2) == "Ky");
        Assert.Single(Enumerable.Range(0, 36), i => cells.Substring(2 * i, 2) == "Ly");
        Assert.Single(Enumerable.Range(0, 36), i => cells.Substring(2 * i, 2) is ">>" or "vv" or "<<" or "^^");
        Assert.Equal("mission: use the key to open the door and then get to the goal", run.OutLines[7]);
        Assert.Equal("carrying: nothing", run.OutLines[8]);
        Assert.StartsWith("two characters a cell", run.OutLines[9]);
        Assert.StartsWith("facts {has_key=false, door_open=false", run.OutLines[10]);
    }

    public static TheoryData<string> MiniGridEnvironments() => [.. MiniGridFamily.Tasks.Select(task => task.Name)];

    [Theory]
    [MemberData(nameof(MiniGridEnvironments))]
    public void Show_DrawsEveryMiniGridEnvironment_AtItsSize(string name)
    {
        var environment = (MiniGridEnvironment)EnvironmentRegistry.Create(name);
        environment.Reset(0);

        CliRun run = CliRun.Of("show", "--env", name, "--seed", "0");

        Assert.Equal(0, run.ExitCode);
        string[] grid = run.OutLines[1..(1 + environment.Height)];
        Assert.All(grid, row => Assert.Equal(2 * environment.Width, row.Length));
        Assert.DoesNotContain('?', string.Concat(grid)); // every object has a letter
        Assert.Equal(1, Enumerable.Range(0, environment.Width * environment.Height)
            .Count(i => string.Concat(grid).Substring(2 * i, 2) is ">>" or "vv" or "<<" or "^^"));
        Assert.StartsWith("carrying: nothing", run.OutLines.First(l => l.StartsWith("carrying: ", StringComparison.Ordinal)));
        Assert.Equal(environment.RenderText(), string.Join("\n", run.OutLines[1..^1]) + "\n");
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
