using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ProceduralMemory.Cli.Tests.Reports;

namespace ProceduralMemory.Cli.Tests.Commands;

public class ReportCommandTests(TrainedRun trained) : IClassFixture<TrainedRun>
{
    [Fact]
    public void Report_WritesOnePageOfTheRunIntoItsFolder()
    {
        using var dir = new TemporaryDirectory();
        string run = trained.CopyTo(dir);
        CliRun report = CliRun.Of("report", "--run", run);
        Assert.Equal(0, report.ExitCode);
        string page = Path.Combine(run, "report.html");
        Assert.Equal($"Wrote {page}", Assert.Single(report.OutLines));
        string html = File.ReadAllText(page);

        JsonArray checkpoints = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "skills.json")))!.AsArray();
        JsonArray final = checkpoints[^1]!["skills"]!.AsArray();
        Assert.NotEmpty(final);
        Assert.Equal(final.Count, Regex.Count(html, "<tr class=\"skill\">"));
        foreach (JsonNode? skill in final)
            Assert.Contains($"<td>{(string)skill!["name"]!}</td>", html);
        Assert.Equal(File.ReadAllLines(Path.Combine(run, "evaluation.csv")).Length - 1, Regex.Count(html, "<tr class=\"checkpoint\">"));
        Assert.Equal(checkpoints.Count, File.ReadAllLines(Path.Combine(run, "evaluation.csv")).Length - 1);
        Assert.Equal(2, Regex.Count(html, "<svg "));
        Assert.Contains("Return on held-out layouts", html);
        Assert.Contains("Success rate", html);
        Assert.Contains("<td>doorkey-5x5</td>", html);
        Assert.Contains("<td>1,500 training steps</td>", html);
    }

    [Fact]
    public void Report_NeedsNothingFromOutsideThePage()
    {
        using var dir = new TemporaryDirectory();
        Assert.Equal(0, CliRun.Of("report", "--run", trained.Path, "--out", dir.Combine("page.html")).ExitCode);
        string html = File.ReadAllText(dir.Combine("page.html"));
        foreach (string reference in new[] { "<script", "<link", "<img", "<iframe", "src=", "href=", "@import" })
            Assert.DoesNotContain(reference, html, StringComparison.OrdinalIgnoreCase);
        // Clip paths refer within the page, and every id is unique in it.
        Assert.All(Regex.Matches(html, @"url\(([^)]*)\)"), m => Assert.StartsWith("#figure-", m.Groups[1].Value));
        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Report_OfTheSameFolder_IsTheSamePage()
    {
        using var dir = new TemporaryDirectory();
        Assert.Equal(0, CliRun.Of("report", "--run", trained.Path, "--out", dir.Combine("a.html")).ExitCode);
        Assert.Equal(0, CliRun.Of("report", "--run", trained.Path, "--out", dir.Combine("b.html")).ExitCode);
        Assert.Equal(File.ReadAllBytes(dir.Combine("a.html")), File.ReadAllBytes(dir.Combine("b.html")));
    }

    [Fact]
    public void Report_EscapesTheTextItReads()
    {
        using var dir = new TemporaryDirectory();
        string run = trained.CopyTo(dir);
        string skillsFile = Path.Combine(run, "skills.json"), runFile = Path.Combine(run, "run.json");
        JsonArray checkpoints = JsonNode.Parse(File.ReadAllText(skillsFile))!.AsArray();
        checkpoints[^1]!["skills"]![0]!["name"] = "<script>alert('x')</script> & co";
        File.WriteAllText(skillsFile, checkpoints.ToJsonString());
        JsonNode settings = JsonNode.Parse(File.ReadAllText(runFile))!;
        settings["library"] = "<b>lib</b>\"";
        File.WriteAllText(runFile, settings.ToJsonString());

        Assert.Equal(0, CliRun.Of("report", "--run", run).ExitCode);
        string html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co", html);
        Assert.Contains("&lt;b&gt;lib&lt;/b&gt;&quot;", html);
    }

    [Fact]
    public void Report_WithoutRun_ExitsTwo()
    {
        CliRun report = CliRun.Of("report");
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("--run", Assert.Single(report.ErrorLines));
    }

    [Fact]
    public void Report_OfAMissingFolder_ExitsTwoWithOneLine()
    {
        using var dir = new TemporaryDirectory();
        CliRun report = CliRun.Of("report", "--run", dir.Combine("nowhere"));
        Assert.Equal(2, report.ExitCode);
        Assert.Equal($"procmem: '{dir.Combine("nowhere")}' does not exist; --run takes the folder 'procmem train --out' wrote.", Assert.Single(report.ErrorLines));
        Assert.False(Directory.Exists(dir.Combine("nowhere")));
    }

    [Fact]
    public void Report_OfAFile_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("file"), "x");
        CliRun report = CliRun.Of("report", "--run", dir.Combine("file"));
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("is a file", Assert.Single(report.ErrorLines));
    }

    [Fact]
    public void Report_OfAFolderThatIsNoRun_ExitsTwoAndWritesNothing()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("notes.txt"), "x");
        CliRun report = CliRun.Of("report", "--run", dir.Path);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("is not a training run's folder: it has no run.json", Assert.Single(report.ErrorLines));
        Assert.Equal([dir.Combine("notes.txt")], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Report_OfATeamsFolder_PointsToAMember()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("team-evaluation.csv"), "agent,seed\n");
        CliRun report = CliRun.Of("report", "--run", dir.Path);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains($"report one member's folder, such as {dir.Combine("agent-1")}", Assert.Single(report.ErrorLines));
    }

    [Theory]
    [InlineData("run.json", "\"budget_unit\": \"steps\"", "\"budget_unit\": \"hours\"", "budget_unit is 'hours'")]
    [InlineData("run.json", "\"seed\": 1,", "", "missing required properties")]
    [InlineData("run.json", "\"format\": \"procmem-run/1\"", "\"format\": \"procmem-run/9\"", "not procmem-run/1")]
    [InlineData("run.json", "}", "", "")]
    [InlineData("skills.json", "\"successes\": ", "\"successes\": 10000", "successes in")] // the first count, whatever it is, made larger than any use count
    [InlineData("skills.json", "[", "[null,", "null checkpoint")]
    [InlineData("evaluation.csv", "training_steps,", "steps,", "its first line is not")]
    // A row with a NaN return put before the first (whose return, the untrained agent's, depends on the agent).
    [InlineData("evaluation.csv", "eval_mean_steps\n", "eval_mean_steps\n0,0,5,NaN,0,1\n", "'NaN' is not a finite number")]
    [InlineData("training.csv", ",true,", ",maybe,", "'maybe' is not true or false")]
    [InlineData("training.csv", "\n1,", "\n1,2,", "7 fields instead of 6")]
    public void Report_OfAMalformedFile_ExitsTwoNamingItAndWritesNothing(string file, string text, string replacement, string reason)
    {
        using var dir = new TemporaryDirectory();
        string run = trained.CopyTo(dir);
        string path = Path.Combine(run, file), content = File.ReadAllText(path);
        int at = content.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{file} has no '{text}' to change");
        File.WriteAllText(path, content[..at] + replacement + content[(at + text.Length)..]);

        CliRun report = CliRun.Of("report", "--run", run);
        Assert.Equal(2, report.ExitCode);
        Assert.Equal("", report.Out);
        string error = Assert.Single(report.ErrorLines);
        Assert.StartsWith($"procmem: {path} is malformed: ", error);
        Assert.Contains(reason, error);
        Assert.False(File.Exists(Path.Combine(run, "report.html")));
    }

    [Fact]
    public void Report_WithOutAFolder_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();
        CliRun report = CliRun.Of("report", "--run", trained.Path, "--out", dir.Path);
        Assert.Equal(2, report.ExitCode);
        Assert.Contains("is a folder, not a file", Assert.Single(report.ErrorLines));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Report_WithOutBelowAFile_ExitsTwoAndWritesNothing()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("file"), "x");
        CliRun report = CliRun.Of("report", "--run", trained.Path, "--out", dir.Combine("file", "page.html"));
        Assert.Equal(2, report.ExitCode);
        Assert.Single(report.ErrorLines);
        Assert.Equal([dir.Combine("file")], Directory.GetFileSystemEntries(dir.Path));
    }
}
