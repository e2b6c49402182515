using System.Text.Json.Nodes;
using ProceduralMemory.Cli.Tests.Library;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary>
/// <c>procmem skills restore</c> and the lifecycle columns of <c>skills list</c>, on a library imported from an export
/// whose first skill is marked retired (so the export's lifecycle members are read too).
/// </summary>
public class SkillsRestoreCommandTests(TrainedLibrary library) : IClassFixture<TrainedLibrary>
{
    private const string Reason = "succeeded 2 of 50 uses (4.0%), below 20% after 50 uses";

    /// <summary>The trained library with skill 0 retired at episode 5, imported into a new file in <paramref name="dir"/>.</summary>
    private string WithARetiredSkill(TemporaryDirectory dir)
    {
        string exported = dir.Combine("export.json"), target = dir.Combine("retired.db");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        JsonNode document = JsonNode.Parse(File.ReadAllText(exported))!;
        JsonNode first = document["skills"]![0]!;
        Assert.Equal("active", first["status"]!.GetValue<string>());
        (first["status"], first["retired_episode"], first["retired_reason"]) = ("retired", 5, Reason);
        (first["uses"], first["successes"], first["trial_start_uses"], first["trial_start_successes"]) = (50, 2, 0, 0);
        File.WriteAllText(exported, document.ToJsonString());
        Assert.Equal(0, CliRun.Of("skills", "import", exported, "--library", target).ExitCode);
        return target;
    }

    [Fact]
    public void List_ShowsTheStatusAndWhyASkillWasRetired()
    {
        using var dir = new TemporaryDirectory();
        string target = WithARetiredSkill(dir);

        CliRun run = CliRun.Of("skills", "list", "--library", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"retired\.db: \d+ skills \(1 retired\)", run.OutLines[0]);
        Assert.EndsWith("Status   Retired because", run.OutLines[1]);
        Assert.EndsWith($"retired  {Reason} (episode 5)", run.OutLines[2]);
        Assert.All(run.OutLines.Skip(3), line => Assert.EndsWith("active   -", line));
    }

    [Fact]
    public void Restore_MakesTheSkillActive_WithItsCountsKept_AndItsTrialStartingAfresh()
    {
        using var dir = new TemporaryDirectory();
        string target = WithARetiredSkill(dir);

        CliRun run = CliRun.Of("skills", "restore", "0", "--library", target);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"Restored skill #0 ", run.OutLines[0]);
        Assert.Contains($"(retired at episode 5: {Reason})", run.OutLines[0]);
        Assert.EndsWith("(50 uses, 2 successes so far).", run.OutLines[0]);
        Assert.Matches(@"\(0 retired\)", CliRun.Of("skills", "list", "--library", target).OutLines[0]);
        string exported = dir.Combine("after.json");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", target, "--output", exported).ExitCode);
        JsonNode first = JsonNode.Parse(File.ReadAllText(exported))!["skills"]![0]!;
        Assert.Equal(("active", 50, 2), (first["status"]!.GetValue<string>(), first["trial_start_uses"]!.GetValue<int>(), first["trial_start_successes"]!.GetValue<int>()));
        Assert.Null(first["retired_reason"]);
    }

    [Theory]
    [InlineData("1", "is active; only a retired skill can be restored.")]
    [InlineData("999", "has no skill with id 999.")]
    [InlineData("no_such_skill", "has no skill named 'no_such_skill'")]
    public void Restore_OfAnActiveOrUnknownSkill_ExitsTwoWithOneLine_AndChangesNothing(string skill, string expected)
    {
        using var dir = new TemporaryDirectory();
        string target = WithARetiredSkill(dir);
        string before = FileFingerprint.Of(target);

        CliRun run = CliRun.Of("skills", "restore", skill, "--library", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, Assert.Single(run.ErrorLines));
        Assert.Equal(before, FileFingerprint.Of(target));
    }
}
