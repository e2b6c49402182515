namespace ProceduralMemory.Cli.Tests.Commands;

public class ReportCommandTests
{
    [Fact]
    public void Report_WithAnUnwritableOutput_ExitsTwoBeforeTraining()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("file"), "x");
        CliRun run = CliRun.Of("report", "--out", dir.Combine("file"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Report_WithZeroSeeds_ExitsTwo() => Assert.Equal(2, CliRun.Of("report", "--seeds", "0").ExitCode);
}
