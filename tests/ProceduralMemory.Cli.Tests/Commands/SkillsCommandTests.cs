using System.Text.Json.Nodes;
using ProceduralMemory.Cli.Tests.Library;

namespace ProceduralMemory.Cli.Tests.Commands;

public class SkillsCommandTests(TrainedLibrary library) : IClassFixture<TrainedLibrary>
{
    [Fact]
    public void List_ShowsEverySkillAsATable()
    {
        CliRun run = CliRun.Of("skills", "list", "--library", library.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"trained\.db: \d+ skills \(\d+ retired\), \d+ episodes run", run.OutLines[0]);
        Assert.StartsWith("Id  Name", run.OutLines[1]);
        Assert.Contains(run.OutLines, l => l.StartsWith("0   pickup(key)", StringComparison.Ordinal) && l.Contains("mlp 71x64x7"));
    }

    [Fact]
    public void Show_PrintsACompositeSkillsChildren()
    {
        CliRun run = CliRun.Of("skills", "show", "seq(pickup(key),open(door),reach(goal))", "--library", library.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.StartsWith("Policy", StringComparison.Ordinal) && l.Contains("chain 3"));
        Assert.Contains(run.OutLines, l => l.StartsWith("Children", StringComparison.Ordinal) && l.EndsWith("pickup(key), open(door), reach(goal)", StringComparison.Ordinal));
    }

    [Fact]
    public void Show_FindsASkillByIdOrName()
    {
        CliRun byId = CliRun.Of("skills", "show", "0", "--library", library.Path);
        string name = byId.OutLines[0].Split(' ')[2]; // "Skill #0 NAME in FILE"
        CliRun byName = CliRun.Of("skills", "show", name, "--library", library.Path);

        Assert.Equal(0, byId.ExitCode);
        Assert.Equal(byId.Out, byName.Out);
        Assert.Contains(byId.OutLines, l => l.StartsWith("Kept demonstrations", StringComparison.Ordinal));
        Assert.Contains(byId.OutLines, l => l.StartsWith("Network", StringComparison.Ordinal) && l.Contains("checksummed"));
    }

    [Theory]
    [InlineData("999")]
    [InlineData("no_such_skill")]
    public void Show_AnUnknownSkill_ExitsTwo(string skill)
    {
        CliRun run = CliRun.Of("skills", "show", skill, "--library", library.Path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(skill, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Export_ImportIntoANewLibrary_ExportAgain_GivesTheSameSkillsBitForBit()
    {
        using var dir = new TemporaryDirectory();
        string first = dir.Combine("first.json"), second = dir.Combine("second.json"), copy = dir.Combine("copy.db");

        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", first).ExitCode);
        CliRun import = CliRun.Of("skills", "import", first, "--library", copy);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("new, 0 merged", import.Out);
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", copy, "--output", second).ExitCode);

        JsonNode a = JsonNode.Parse(File.ReadAllText(first))!, b = JsonNode.Parse(File.ReadAllText(second))!;
        // The library's clock is its own history, not the skills': the importing library starts its own.
        foreach (JsonNode document in new[] { a, b })
        {
            document.AsObject().Remove("episodes");
            foreach (JsonNode? skill in document["skills"]!.AsArray())
                skill!.AsObject().Remove("created_episode");
        }
        Assert.True(JsonNode.DeepEquals(a, b));
        Assert.True(a["skills"]!.AsArray().Count > 0);
    }

    [Fact]
    public void Export_WithoutOutput_WritesTheDocumentToStandardOutput()
    {
        CliRun run = CliRun.Of("skills", "export", "--library", library.Path);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("procmem-skill-library", JsonNode.Parse(run.Out)!["format"]!.GetValue<string>());
    }

    public static TheoryData<string, string> BrokenDocuments => new()
    {
        { "format", "$.format is 'something-else'" },
        { "version", "written by a newer procmem" },
        { "key-length", "$.skills[0].key has 3 numbers" },
        { "key-nan", "$.skills[0].key[0] must be a finite number" },
        { "unknown-action", "unknown action 'jump'" },
        { "unknown-fact", "unknown fact 'has_ball'" },
        { "negative-uses", "$.skills[0].uses is -1" },
        { "successes", "more than the" },
        { "parameters", "$.skills[0].policy.parameters has 2 numbers" },
        { "duplicate", "is the same skill as $.skills[0] under the grid domain's rule" },
        { "identity", "$.skills[0].identity is 'not-the-rule', but the grid domain's rule gives" },
        { "domain", "$.domain is unknown: the domain 'chess' is not registered" },
        { "feature-count", "$.feature_count is 70, but $.skills[0].policy.layer_sizes starts at 71 inputs" },
        { "truncated", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenDocuments))]
    public void Import_OfAnInvalidDocument_ExitsTwo_AndLeavesTheLibraryUnchanged(string breakage, string expected)
    {
        using var dir = new TemporaryDirectory();
        string exported = dir.Combine("export.json"), broken = dir.Combine("broken.json");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        File.WriteAllText(broken, Break(File.ReadAllText(exported), breakage));
        string target = library.CopyTo(dir), missing = dir.Combine("missing.db");
        string before = FileFingerprint.Of(target);

        CliRun intoExisting = CliRun.Of("skills", "import", broken, "--library", target);
        CliRun intoMissing = CliRun.Of("skills", "import", broken, "--library", missing);

        Assert.Equal(2, intoExisting.ExitCode);
        Assert.Contains(expected, Assert.Single(intoExisting.ErrorLines));
        Assert.Equal(before, FileFingerprint.Of(target));
        Assert.Equal(2, intoMissing.ExitCode);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Import_OfKeysFromAnotherKeyModel_ExitsTwo_AndLeavesTheLibraryUnchanged()
    {
        using var dir = new TemporaryDirectory();
        string exported = dir.Combine("export.json");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        JsonNode document = JsonNode.Parse(File.ReadAllText(exported))!;
        document["key_model"] = "random-projection/v1 seed=7 dim=32 features=71";
        File.WriteAllText(exported, document.ToJsonString());
        string target = library.CopyTo(dir);
        string before = FileFingerprint.Of(target);

        CliRun run = CliRun.Of("skills", "import", exported, "--library", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("its keys come from another key model (random-projection/v1 seed=7 dim=32 features=71", Assert.Single(run.ErrorLines));
        Assert.Equal(before, FileFingerprint.Of(target));
    }

    [Fact]
    public void Import_OfAVersion1Document_ReadsItsEncoderSeedAsTheGridRandomProjection()
    {
        using var dir = new TemporaryDirectory();
        string exported = dir.Combine("export.json");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        JsonObject document = JsonNode.Parse(File.ReadAllText(exported))!.AsObject();
        string keyModel = document["key_model"]!.GetValue<string>();
        Assert.StartsWith("random-projection/v1 seed=", keyModel);
        document["version"] = 1;
        document.Remove("domain");
        document.Remove("key_model");
        document["encoder_seed"] = keyModel.Split(' ')[1]["seed=".Length..];
        foreach (JsonNode? skill in document["skills"]!.AsArray())
            skill!.AsObject().Remove("identity");
        File.WriteAllText(exported, document.ToJsonString());

        CliRun run = CliRun.Of("skills", "import", exported, "--library", library.CopyTo(dir));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" 0 new,", run.Out);
    }

    [Fact]
    public void Import_IntoALibraryHoldingTheSameSkills_MergesTheirStatistics()
    {
        using var dir = new TemporaryDirectory();
        string exported = dir.Combine("export.json");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        string target = library.CopyTo(dir);

        CliRun run = CliRun.Of("skills", "import", exported, "--library", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(" 0 new,", run.Out);
        JsonNode once = JsonNode.Parse(File.ReadAllText(exported))!;
        JsonNode twice = JsonNode.Parse(CliRun.Of("skills", "export", "--library", target).Out)!;
        Assert.Equal(2 * once["skills"]![0]!["uses"]!.GetValue<int>(), twice["skills"]![0]!["uses"]!.GetValue<int>());
    }

    [Fact]
    public void Prune_RemovesSkillsBelowTheRate_AndDryRunChangesNothing()
    {
        using var dir = new TemporaryDirectory();
        string exported = dir.Combine("export.json"), target = dir.Combine("pruned.db");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        JsonNode document = JsonNode.Parse(File.ReadAllText(exported))!;
        JsonNode weak = document["skills"]![0]!;
        weak["uses"] = 10;
        weak["successes"] = 1;
        foreach (JsonNode? skill in document["skills"]!.AsArray().Skip(1))
            (skill!["uses"], skill["successes"]) = (10, 10);
        foreach (JsonNode? skill in document["skills"]!.AsArray()) // the lifecycle's trial start must lie within the new counts
            (skill!["trial_start_uses"], skill["trial_start_successes"]) = (0, 0);
        File.WriteAllText(exported, document.ToJsonString());
        Assert.Equal(0, CliRun.Of("skills", "import", exported, "--library", target).ExitCode);
        string before = FileFingerprint.Of(target);

        CliRun dry = CliRun.Of("skills", "prune", "--below", "0.5", "--dry-run", "--library", target);
        Assert.Equal(before, FileFingerprint.Of(target));
        CliRun pruned = CliRun.Of("skills", "prune", "--below", "0.5", "--library", target);

        Assert.Equal(0, dry.ExitCode);
        Assert.StartsWith("Would remove 1 skills", dry.OutLines[0]);
        Assert.StartsWith("Removed 1 skills", pruned.OutLines[0]);
        string list = CliRun.Of("skills", "list", "--library", target).Out;
        Assert.DoesNotContain(weak["name"]!.GetValue<string>() + " ", list);
        Assert.Equal(document["skills"]!.AsArray().Count - 1, CliRun.Of("skills", "list", "--library", target).OutLines.Length - 2);
    }

    [Theory]
    [InlineData("--below", "1.5")]
    [InlineData("--below", "x")]
    [InlineData("--min-age", "-1")]
    public void Prune_WithABadRule_ExitsTwo(string option, string value)
    {
        string[] args = option == "--below" ? ["skills", "prune", option, value] : ["skills", "prune", "--below", "0.5", option, value];
        CliRun run = CliRun.Of([.. args, "--library", library.Path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Import_OfAnExportWithNoSkills_LeavesTheLibrarysBytesUnchanged()
    {
        using var dir = new TemporaryDirectory();
        string exported = dir.Combine("export.json");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        JsonNode document = JsonNode.Parse(File.ReadAllText(exported))!;
        document["skills"] = new JsonArray();
        File.WriteAllText(exported, document.ToJsonString());
        string target = library.CopyTo(dir);
        byte[] before = File.ReadAllBytes(target);

        CliRun run = CliRun.Of("skills", "import", exported, "--library", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("holds no skills", run.Out);
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.False(File.Exists(target + "-wal") && new FileInfo(target + "-wal").Length > 0, "the import wrote to the library's log");
    }

    [Theory]
    [InlineData("prune", "--below", "0.5")]
    [InlineData("merge")]
    [InlineData("encode")]
    public void AWritingCommand_OnAMissingLibrary_SaysSo_AndCreatesNothing(params string[] command)
    {
        using var dir = new TemporaryDirectory();
        string missing = dir.Combine("missing.db");

        CliRun run = CliRun.Of(["skills", .. command, "--library", missing]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"procmem: no library at {missing}", Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("nodir/x.json")]
    [InlineData("")]
    public void Export_ToAFileItCannotWrite_ExitsTwoWithOneLine_AndWritesNothing(string output)
    {
        using var dir = new TemporaryDirectory();
        string target = output.Length == 0 ? output : dir.Combine(output);

        CliRun run = CliRun.Of("skills", "export", "--library", library.Path, "--output", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--output", Assert.Single(run.ErrorLines));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    /// <summary>One way to break a valid export.</summary>
    private static string Break(string json, string breakage)
    {
        if (breakage == "truncated")
            return json[..(json.Length / 2)];
        JsonNode document = JsonNode.Parse(json)!;
        JsonNode skill = document["skills"]![0]!;
        switch (breakage)
        {
            case "format": document["format"] = "something-else"; break;
            case "version": document["version"] = 4; break;
            case "key-length": skill["key"] = new JsonArray(0.5, 0.5, 0.5); break;
            case "key-nan": skill["key"]![0] = "NaN"; break;
            case "unknown-action": skill["kept_demonstrations"]![0]![0]!["action"] = "jump"; break;
            case "unknown-fact": skill["effect"]!.AsObject().Add("has_ball", true); break;
            case "negative-uses": skill["uses"] = -1; break;
            case "successes": skill["successes"] = skill["uses"]!.GetValue<int>() + 1; break;
            case "parameters": skill["policy"]!["parameters"] = new JsonArray(0.1, 0.2); break;
            case "duplicate": document["skills"]!.AsArray().Add(skill.DeepClone()); break;
            case "feature-count": document["feature_count"] = 70; break;
            case "identity": skill["identity"] = "not-the-rule"; break;
            case "domain": document["domain"] = "chess"; break;
        }
        return document.ToJsonString();
    }
}
