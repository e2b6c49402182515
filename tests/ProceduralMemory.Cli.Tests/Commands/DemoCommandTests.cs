using System.Xml.Linq;

namespace ProceduralMemory.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public void Demo_PrintsTheSeedsMeasuredRun_WithASuccessRateOfAtMostOneHundredPercent()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("demo", "--out", dir.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        string[] episodes = run.OutLines.Where(l => l.StartsWith("Episode ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(15, episodes.Length);
        for (int i = 0; i < 15; i++)
            Assert.Equal($"Episode {i + 1}: Reward=12.3, Steps=10, Skills=1, Success=True", episodes[i]);
        Assert.Contains("  open_door_sequence: 5 actions, used 14 times, 14 successes", run.OutLines);
        Assert.Contains("  Avg success rate: 100.00%", run.OutLines);
    }

    [Fact]
    public void Demo_WritesTheMetricsCsvAndTheTwoByTwoChart()
    {
        using var dir = new TemporaryDirectory();
        Assert.Equal(0, CliRun.Of("demo", "--episodes", "4", "--out", dir.Path).ExitCode);

        string[] csv = File.ReadAllLines(dir.Combine("episodes.csv"));
        Assert.Equal("episode,reward,steps,skills,success,skill_uses,cumulative_skill_uses", csv[0]);
        Assert.Equal(["1,12.3,10,1,true,0,0", "2,12.3,10,1,true,1,1", "3,12.3,10,1,true,1,2", "4,12.3,10,1,true,1,3"], csv[1..]);

        XDocument svg = XDocument.Parse(File.ReadAllText(dir.Combine("demo.svg")));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("Episode Rewards", texts);
        Assert.Contains("Steps per Episode", texts);
        Assert.Contains("Skills in Library", texts);
        Assert.Contains("Cumulative Skill Uses", texts);
    }

    [Fact]
    public void Demo_WithTheSameSeed_WritesByteIdenticalFiles()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        CliRun a = CliRun.Of("demo", "--seed", "7", "--out", first.Path);
        CliRun b = CliRun.Of("demo", "--seed", "7", "--out", second.Path);

        Assert.Equal(a.Out.Replace(first.Path, "DIR"), b.Out.Replace(second.Path, "DIR"));
        foreach (string file in new[] { "episodes.csv", "demo.svg" })
            Assert.Equal(File.ReadAllBytes(first.Combine(file)), File.ReadAllBytes(second.Combine(file)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public void Demo_WithABadEpisodeCount_ExitsTwoWithOneLine_AndWritesNothing(string episodes)
    {
        using var dir = new TemporaryDirectory();
        string output = dir.Combine("out");
        CliRun run = CliRun.Of("demo", "--episodes", episodes, "--out", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("--episodes", run.Error);
        Assert.Equal("", run.Out);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Demo_WithAnOutputPathThatIsAFile_ExitsTwo_AndLeavesTheFileAlone()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.Combine("taken");
        File.WriteAllText(file, "keep me");

        CliRun run = CliRun.Of("demo", "--out", file);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"procmem: cannot write to '{file}': it is a file, not a folder.", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void Demo_WithAnOutputFolderBelowAFile_ExitsTwo_AndWritesNothing()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("taken"), "keep me");

        CliRun run = CliRun.Of("demo", "--out", dir.Combine("taken", "charts"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procmem: cannot write to ", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
        Assert.Equal(["taken"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Demo_LeavesNoTemporaryFilesBehind()
    {
        using var dir = new TemporaryDirectory();
        CliRun.Of("demo", "--episodes", "2", "--out", dir.Path);
        Assert.Equal(["demo.svg", "episodes.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
    }
}
