using System.Text.Json.Nodes;

namespace ProceduralMemory.Cli.Tests.Commands;

public class PerContextLifecycleCommandTests
{
    [Fact]
    public void Train_WithContexts_SaysWhatThePerContextLifecycleDid_AndItsJsonCountsIt()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1000", "--seed", "1", "--eval-seeds", "0-1", "--contexts", "4",
            "--split-after", "3", "--decay-half-life", "5", "--json", "--out", dir.Combine("out"), "--library", dir.Combine("lib.db"));

        Assert.Equal(0, run.ExitCode);
        string summary = Assert.Single(run.OutLines, l => l.StartsWith("Per-context lifecycle: ", StringComparison.Ordinal));
        Assert.Matches(@"^Per-context lifecycle: [1-4] contexts, \d+ splits \(0 variants made\), \d+ active skills decaying$", summary); // a store makes no variants
        JsonNode perContext = JsonNode.Parse(run.OutLines[^1])!["per_context"]!;
        Assert.InRange(perContext["contexts"]!.GetValue<int>(), 1, 4);
        Assert.Equal(0, perContext["variants_made"]!.GetValue<int>());
    }

    [Fact]
    public void Train_WithoutContexts_HasNoPerContextLine_AndNullInItsJson()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "300", "--eval-seeds", "0", "--json", "--out", dir.Combine("out"),
            "--library", dir.Combine("lib.db"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.OutLines, l => l.StartsWith("Per-context lifecycle", StringComparison.Ordinal));
        Assert.Null(JsonNode.Parse(run.OutLines[^1])!["per_context"]);
    }

    [Fact]
    public void BenchLearning_WithContexts_MakesVariantsWithoutAStore_AndRefusesAnotherAgent()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "1000", "--eval-seeds", "0-1", "--contexts", "4", "--json");
        Assert.Equal(0, run.ExitCode);
        JsonNode json = JsonNode.Parse(run.OutLines[^1])!;
        Assert.Equal(json["per_context"]!["splits"]!.GetValue<int>(), json["per_context"]!["variants_made"]!.GetValue<int>());
        Assert.True(json["active_skills_failing"]!.GetValue<int>() >= 0);

        CliRun refused = CliRun.Of("bench", "learning", "--agent", "random", "--contexts", "4", "--train-steps", "10");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("procmem: --contexts needs the procmem agent; random keeps no skill library.", Assert.Single(refused.ErrorLines));

        CliRun decayAlone = CliRun.Of("bench", "learning", "--decay-half-life", "5", "--train-steps", "10");
        Assert.Equal(2, decayAlone.ExitCode);
        Assert.Equal("procmem: --decay-half-life needs --contexts (the per-context lifecycle).", Assert.Single(decayAlone.ErrorLines));
    }

    private static void TrainWithContexts(TemporaryDirectory dir, string library, int seed)
    {
        CliRun run = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "1000", "--seed", $"{seed}", "--eval-seeds", "0", "--contexts", "4",
            "--split-after", "3", "--out", dir.Combine($"out{seed}"), "--library", library);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private static JsonNode ListJson(string library)
    {
        CliRun list = CliRun.Of("skills", "list", "--json", "--library", library);
        Assert.True(list.ExitCode == 0, list.Error);
        return JsonNode.Parse(list.OutLines[^1])!;
    }

    [Fact]
    public void SkillsList_ShowsEachSkillsCountsPerContext_InItsTableAndJson_AndAContinuedRunCarriesThemOn()
    {
        using var dir = new TemporaryDirectory();
        string library = dir.Combine("lib.db");
        TrainWithContexts(dir, library, seed: 1);

        CliRun table = CliRun.Of("skills", "list", "--library", library);
        Assert.Matches(@"; [1-4] contexts, \d+ splits \(per context: successes/uses\)$", table.OutLines[0]);
        Assert.EndsWith("Per context", table.OutLines[1].TrimEnd());
        Assert.Contains(table.OutLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"c\d \d+/\d+"));
        JsonNode first = ListJson(library);
        Assert.InRange(first["contexts"]!.GetValue<int>(), 1, 4);
        // Every use of a skill with a network was counted in a context (chains count their children's).
        foreach (JsonNode? skill in first["skills"]!.AsArray().Where(s => !s!["name"]!.GetValue<string>().StartsWith("seq(", StringComparison.Ordinal)))
            Assert.Equal(skill!["uses"]!.GetValue<int>(), skill["per_context"]!.AsArray().Sum(c => c!["uses"]!.GetValue<int>()));

        TrainWithContexts(dir, library, seed: 2);
        JsonNode second = ListJson(library);
        foreach (JsonNode? skill in second["skills"]!.AsArray().Where(s => !s!["name"]!.GetValue<string>().StartsWith("seq(", StringComparison.Ordinal)))
            Assert.Equal(skill!["uses"]!.GetValue<int>(), skill["per_context"]!.AsArray().Sum(c => c!["uses"]!.GetValue<int>()));
        int Uses(JsonNode list) => list["skills"]!.AsArray().Sum(s => s!["per_context"]!.AsArray().Sum(c => c!["uses"]!.GetValue<int>()));
        Assert.True(Uses(second) > Uses(first));
    }

    [Fact]
    public void Export_CarriesThePerContextState_AndImportExportGivesTheSameBytes_WhileAVersion2DocumentStillImports()
    {
        using var dir = new TemporaryDirectory();
        string library = dir.Combine("lib.db"), first = dir.Combine("first.json"), second = dir.Combine("second.json");
        TrainWithContexts(dir, library, seed: 1);

        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library, "--output", first).ExitCode);
        CliRun import = CliRun.Of("skills", "import", first, "--library", dir.Combine("copy.db"));
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", dir.Combine("copy.db"), "--output", second).ExitCode);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains(import.OutLines, l => l.StartsWith("Per-context state: ", StringComparison.Ordinal) && l.EndsWith(" restored", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        JsonNode document = JsonNode.Parse(File.ReadAllText(first))!;
        Assert.Equal(3, document["version"]!.GetValue<int>());
        Assert.NotEmpty(document["contexts"]!["founded"]!.AsArray());
        Assert.NotEmpty(document["contexts"]!["counts"]!.AsArray());
        Assert.Equal(ListJson(library).ToJsonString(), ListJson(dir.Combine("copy.db")).ToJsonString().Replace("copy.db", "lib.db", StringComparison.Ordinal));

        // Into an existing library the per-context state is left out, and says so.
        CliRun merged = CliRun.Of("skills", "import", first, "--library", library);
        Assert.Equal(0, merged.ExitCode);
        Assert.Contains(merged.OutLines, l => l.StartsWith("Per-context state (", StringComparison.Ordinal) && l.Contains("not imported"));

        // A version 2 document (before per-context state) still imports.
        document["version"] = 2;
        document.AsObject().Remove("contexts");
        File.WriteAllText(first, document.ToJsonString());
        CliRun old = CliRun.Of("skills", "import", first, "--library", dir.Combine("old.db"));
        Assert.Equal(0, old.ExitCode);
        Assert.Equal(0, ListJson(dir.Combine("old.db"))["contexts"]!.GetValue<int>());
    }
}
