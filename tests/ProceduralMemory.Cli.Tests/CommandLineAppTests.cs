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

    [Theory]
    [InlineData(new string[0], "'procmem' needs a command: demo, conformance, show, bench, train, eval, skills, procedures, report, compare, mcp, serve (see 'procmem --help')")]
    [InlineData(new[] { "skills" }, "'procmem skills' needs a command: list, show, restore, merge, export, import, prune, upgrade, encode (see 'procmem skills --help')")]
    public void NoCommand_ExitsTwo_NamingTheCommandsThatFit(string[] args, string expected)
    {
        CliRun run = CliRun.Of(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"procmem: {expected}", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("skills", "--help")]
    public void HelpOfACommandGroup_IsNotTakenForAMissingCommand(params string[] args)
    {
        CliRun run = CliRun.Of(args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out);
    }

    [Fact]
    public void Help_ListsTheDemoCommand_AndExitsZero()
    {
        CliRun run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("demo", run.Out);
    }
}
