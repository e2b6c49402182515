using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace ProceduralMemory.Cli.Tests.Commands;

public class TrainCommandTests
{
    [Fact]
    public void Train_WritesCurvesAndListsTheLearnedSkills()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "2000", "--eval-seeds", "0-9", "--out", dir.Path,
            "--library", dir.Combine("lib.db"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.StartsWith("Training procmem on doorkey-5x5 for 2000 steps", run.OutLines[0]);
        Assert.Equal(11, run.OutLines.Count(l => l.StartsWith("steps=", StringComparison.Ordinal))); // before training, then every 200 steps
        Assert.Contains(run.OutLines, l => l.StartsWith("  pickup(key): preconditions {has_key=false", StringComparison.Ordinal));

        string[] evaluation = File.ReadAllLines(dir.Combine("evaluation.csv"));
        Assert.Equal("training_steps,training_episodes,eval_episodes,eval_mean_return,eval_success_rate,eval_mean_steps", evaluation[0]);
        Assert.Equal("2000", evaluation[^1].Split(',')[0]);
        Assert.StartsWith("episode,training_steps,return,steps,success,skill_uses", File.ReadAllLines(dir.Combine("training.csv"))[0]);
        XDocument svg = XDocument.Parse(File.ReadAllText(dir.Combine("learning-curve.svg")));
        Assert.Contains(svg.Descendants().Where(e => e.Name.LocalName == "text"), t => t.Value == "Return on held-out layouts");
    }

    [Fact]
    public void Train_IntoAnExistingLibrary_ContinuesFromItsSkills()
    {
        using var dir = new TemporaryDirectory();
        string library = dir.Combine("lib.db");
        CliRun first = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1000", "--eval-seeds", "0-1", "--out", dir.Combine("a"), "--library", library);
        CliRun second = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "500", "--seed", "7", "--eval-seeds", "0-1", "--out", dir.Combine("b"), "--library", library);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains($"Library {library}: new, learning from scratch", first.OutLines);
        Assert.Contains(first.OutLines, l => l.StartsWith("Stored new skill #0 ", StringComparison.Ordinal));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains(second.OutLines, l => l.StartsWith($"Library {library}: continuing from ", StringComparison.Ordinal));
    }

    [Fact]
    public void Train_SameSeed_WritesIdenticalFiles()
    {
        using var a = new TemporaryDirectory();
        using var b = new TemporaryDirectory();
        CliRun.Of("train", "--env", "gridworld", "--episodes", "5", "--seed", "3", "--eval-seeds", "0-2", "--out", a.Path, "--library", a.Combine("lib.db"));
        CliRun.Of("train", "--env", "gridworld", "--episodes", "5", "--seed", "3", "--eval-seeds", "0-2", "--out", b.Path, "--library", b.Combine("lib.db"));
        foreach (string file in new[] { "training.csv", "evaluation.csv", "learning-curve.svg", "skills.json" })
            Assert.Equal(File.ReadAllBytes(a.Combine(file)), File.ReadAllBytes(b.Combine(file)));
        // run.json names each run's own library; everything else in it is the same.
        JsonObject runA = JsonNode.Parse(File.ReadAllText(a.Combine("run.json")))!.AsObject(), runB = JsonNode.Parse(File.ReadAllText(b.Combine("run.json")))!.AsObject();
        Assert.Equal(a.Combine("lib.db"), (string?)runA["library"]);
        Assert.True(runA.Remove("library") && runB.Remove("library"));
        Assert.Equal(runA.ToJsonString(), runB.ToJsonString());
    }

    [Theory]
    [InlineData("--env", "doorkey-9x9")]
    [InlineData("--steps", "0")]
    [InlineData("--eval-seeds", "9-3")]
    [InlineData("--eval-seeds", "x")]
    public void Train_WithBadInput_ExitsTwoWithOneLine_AndWritesNothing(string option, string value)
    {
        using var dir = new TemporaryDirectory();
        string output = dir.Combine("out");
        CliRun run = CliRun.Of("train", option, value, "--out", output, "--library", dir.Combine("lib.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option == "--env" ? "doorkey-9x9" : option, Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(output));
        Assert.False(File.Exists(dir.Combine("lib.db")));
    }

    [Fact]
    public void Train_WithAStrictLifecycle_RetiresAFailingVariant_AndSaysSoInTheSummaryTheJsonAndTheRunsSkills()
    {
        using var dir = new TemporaryDirectory();
        // On doorkey-8x8 (seed 1, 3,000 steps) an open(door) learned where no key is held fails its one use, and in the
        // last episode a chain fails its one use since it was last demonstrated.
        CliRun run = CliRun.Of("train", "--env", "doorkey-8x8", "--steps", "3000", "--seed", "1", "--eval-seeds", "0-1",
            "--retire-below", "0.5", "--retire-after", "1", "--json", "--out", dir.Combine("out"), "--library", dir.Combine("lib.db"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.StartsWith("Library ", StringComparison.Ordinal) && l.Contains(" skills (2 retired, 2 of them in this run), "));
        JsonNode json = JsonNode.Parse(run.OutLines[^1])!;
        Assert.Equal((2, 2), (json["library_retired"]!.GetValue<int>(), json["retired_this_run"]!.GetValue<int>()));
        JsonNode lastCheckpoint = JsonNode.Parse(File.ReadAllText(dir.Combine("out", "skills.json")))!.AsArray()[^1]!;
        var retired = lastCheckpoint["skills"]!.AsArray().Where(s => s!["retired"] is not null)
            .Select(s => (s!["name"]!.GetValue<string>(), s["retired"]!.GetValue<string>())).ToList();
        Assert.Equal(2, retired.Count);
        Assert.Contains(("open(door)#2", "succeeded 0 of 1 uses (0.0%), below 50% after 1 uses (episode 6)"), retired);
    }

    [Theory]
    [InlineData("--retire-after", "5", "--retire-below and --retire-after apply to one agent; a team (--agents above 1) uses the defaults.")]
    [InlineData("--contexts", "4", "--contexts applies to one agent; a team (--agents above 1) runs without the per-context lifecycle.")]
    public void Train_ATeamWithAnotherLifecycle_ExitsTwo_AndCreatesNoLibrary(string option, string value, string refusal)
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("train", "--agents", "2", option, value, "--steps", "10", "--out", dir.Combine("out"), "--library", dir.Combine("lib.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"procmem: {refusal}", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(dir.Combine("lib.db")));
    }

    [Fact]
    public void Train_WithBothBudgets_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("train", "--steps", "10", "--episodes", "2", "--out", dir.Combine("out"), "--library", dir.Combine("lib.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("procmem: give either --steps or --episodes, not both.", Assert.Single(run.ErrorLines));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("/proc/x")]
    [InlineData("")]
    public void Train_WithAnOutputFolderItCannotWrite_CreatesNoLibrary(string output)
    {
        using var dir = new TemporaryDirectory();
        if (output == "file")
            File.WriteAllText(output = dir.Combine("file"), "keep me");

        CliRun run = CliRun.Of("train", "--steps", "10", "--out", output, "--library", dir.Combine("new.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procmem: ", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(dir.Combine("new.db")), "the failed run created the library");
        Assert.True(output != dir.Combine("file") || File.ReadAllText(output) == "keep me");
    }

    [Fact]
    public void Train_WithABadLibrary_CreatesNoOutputFolder()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.Combine("notes.txt"), "not a library");

        CliRun run = CliRun.Of("train", "--steps", "10", "--out", dir.Combine("out"), "--library", dir.Combine("notes.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not a procmem library", Assert.Single(run.ErrorLines));
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Theory]
    [InlineData("--agents", "100000", "from 1 to 64")]
    [InlineData("--agents", "65", "from 1 to 64")]
    [InlineData("--steps", "99999999999", "from 1 to 2147483647")]
    [InlineData("--steps", "1.5", "from 1 to 2147483647")]
    [InlineData("--episodes", "abc", "from 1 to 2147483647")]
    [InlineData("--eval-every", "0", "from 1 to 2147483647")]
    [InlineData("--seed", "2147483648", "from 0 to 2147483647")]
    [InlineData("--eval-seeds", "0-1000000", "at most 1,000,000 seeds")]
    public void Train_WithAnOutOfRangeNumber_StatesTheBounds_AndStartsNothing(string option, string value, string bounds)
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("train", option, value, "--out", dir.Combine("out"), "--library", dir.Combine("lib.db"));

        Assert.Equal(2, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        Assert.Contains(option, error);
        Assert.Contains(bounds, error);
        Assert.DoesNotContain("System.", error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Train_Help_StatesTheAgentsBound()
    {
        Assert.Contains("(1 to 64)", CliRun.Of("train", "--help").Out);
    }
}
