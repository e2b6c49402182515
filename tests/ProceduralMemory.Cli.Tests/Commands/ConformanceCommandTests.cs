using System.Text.Json.Nodes;

namespace ProceduralMemory.Cli.Tests.Commands;

public class ConformanceCommandTests
{
    [Fact]
    public void Conformance_OnTheReferenceTraces_PassesAll113_AndExitsZero()
    {
        CliRun run = CliRun.Of("conformance", DataFiles.ConformanceTraces);

        Assert.Equal("", run.Error);
        Assert.Equal(["113 passed, 0 failed"], run.OutLines);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Conformance_OnTheWholeFamily_Gzipped_PassesAll660_AndExitsZero()
    {
        CliRun run = CliRun.Of("conformance", DataFiles.FamilyConformanceTraces);

        Assert.Equal("", run.Error);
        Assert.Equal(["660 passed, 0 failed"], run.OutLines);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Conformance_OfAnEnvironmentProcmemDoesNotHave_FailsThatEpisodeByName()
    {
        using var dir = new TemporaryDirectory();
        JsonNode episode = JsonNode.Parse(File.ReadLines(DataFiles.ConformanceTraces).First())!;
        episode["env"] = "MiniGrid-Dynamic-Obstacles-5x5-v0";
        string file = dir.Combine("unknown.jsonl");
        File.WriteAllLines(file, [episode.ToJsonString()]);

        CliRun run = CliRun.Of("conformance", file);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("episode 1 step 0: env expected MiniGrid-Dynamic-Obstacles-5x5-v0, got not implemented", run.OutLines[0]);
        Assert.Equal("0 passed, 1 failed", run.OutLines[^1]);
    }

    [Fact]
    public void Conformance_WithATamperedReward_PrintsTheMismatch_AndExitsOne()
    {
        using var dir = new TemporaryDirectory();
        string[] lines = File.ReadLines(DataFiles.ConformanceTraces).Take(3).ToArray();
        JsonNode episode = JsonNode.Parse(lines[1])!;
        JsonArray steps = episode["steps"]!.AsArray();
        steps[^1]!["reward"] = 0.123;
        lines[1] = episode.ToJsonString();
        string file = dir.Combine("tampered.jsonl");
        File.WriteAllLines(file, lines);

        CliRun run = CliRun.Of("conformance", file);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"episode 2 step {steps.Count}: reward expected 0.123, got ", run.OutLines[0]);
        Assert.Equal("2 passed, 1 failed", run.OutLines[^1]);
    }

    [Fact]
    public void Conformance_WithAMissingFile_ExitsTwoWithOneLine()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("conformance", dir.Combine("absent.jsonl"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Conformance_WithATruncatedLastLine_ExitsTwoNamingTheLine()
    {
        using var dir = new TemporaryDirectory();
        string[] lines = File.ReadLines(DataFiles.ConformanceTraces).Take(3).ToArray();
        string file = dir.Combine("truncated.jsonl");
        File.WriteAllText(file, string.Join('\n', lines[0], lines[1], lines[2][..(lines[2].Length / 2)]));

        CliRun run = CliRun.Of("conformance", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("line 3:", Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("{\"env\":\"MiniGrid-DoorKey-5x5-v0\"}", "missing field")]
    [InlineData("[1,2,3]", "JSON object")]
    [InlineData("not json", "JSON")]
    public void Conformance_WithAMalformedLine_ExitsTwoNamingTheLine(string badLine, string reason)
    {
        using var dir = new TemporaryDirectory();
        string first = File.ReadLines(DataFiles.ConformanceTraces).First();
        string file = dir.Combine("malformed.jsonl");
        File.WriteAllLines(file, [first, badLine]);

        CliRun run = CliRun.Of("conformance", file);

        Assert.Equal(2, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        Assert.Contains("line 2:", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Conformance_WithAnEmptyFile_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.Combine("empty.jsonl");
        File.WriteAllText(file, "");

        CliRun run = CliRun.Of("conformance", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no episodes", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Conformance_OnAFolder_SaysItIsAFolder()
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("conformance", dir.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder, not a file", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Conformance_OnAFileThatFailsToRead_ExitsTwoWithOneLine()
    {
        // /proc/self/mem exists and opens, but reading its first bytes fails, for root as for anyone.
        CliRun run = CliRun.Of("conformance", "/proc/self/mem");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("procmem: cannot read /proc/self/mem: Input/output error : '/proc/self/mem'", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("\"size\":99999999999", "'size' must be a whole number from 3 to 64 (got 99999999999)")]
    [InlineData("\"size\":\"5\"", "'size' must be a whole number from 3 to 64 (got \"5\")")]
    [InlineData("\"size\":100000", "'size' must be a whole number from 3 to 64 (got 100000)")]
    [InlineData("\"max_steps\":1.5", "'max_steps' must be a whole number from 1 to 2147483647 (got 1.5)")]
    public void Conformance_WithANumberOutOfRange_NamesTheFieldAndItsRange(string replacement, string reason)
    {
        using var dir = new TemporaryDirectory();
        string first = File.ReadLines(DataFiles.ConformanceTraces).First();
        string field = replacement[..replacement.IndexOf(':')];
        string tampered = System.Text.RegularExpressions.Regex.Replace(first, field + ":[0-9]+", replacement);
        Assert.NotEqual(first, tampered);
        string file = dir.Combine("tampered.jsonl");
        File.WriteAllLines(file, [tampered]);

        CliRun run = CliRun.Of("conformance", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"procmem: {file}: line 1: {reason}", Assert.Single(run.ErrorLines));
    }
}
