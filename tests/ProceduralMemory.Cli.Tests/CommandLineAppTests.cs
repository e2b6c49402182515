namespace ProceduralMemory.Cli.Tests;

public class CommandLineAppTests
{
    [Fact]
    public void UnknownCommand_ExitsTwoWithOneLineNamingIt()
    {
        CliRun run = CliRun.Of("dance");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("dance", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void UnknownOption_ExitsTwoWithOneLineNamingIt()
    {
        CliRun run = CliRun.Of("demo", "--episodez", "3");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--episodez", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void NoCommand_ExitsTwo()
    {
        CliRun run = CliRun.Of();
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public void Help_ListsTheDemoCommand_AndExitsZero()
    {
        CliRun run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("demo", run.Out);
    }
}
