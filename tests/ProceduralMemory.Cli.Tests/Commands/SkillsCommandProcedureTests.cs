using System.Text.Json.Nodes;
using ProceduralMemory.Cli.Tests.Library;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary><c>procmem skills</c> on a procedure library (the tool domain): procedures read as tool chains, steps and sources.</summary>
public sealed class SkillsCommandProcedureTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public SkillsCommandProcedureTests()
    {
        EmbeddingKeyProvider keys = ProcedureLibrary.DefaultKeys();
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        ProcedureLibrary.Open(store, SampleProcedures.Tools, keys);
        var added = ProcedureLibrary.Add(store, keys, [SampleProcedures.Return(), SampleProcedures.Cancel()]);
        ProcedureLibrary.RecordRun(store, added[0].Id, success: true);
        ProcedureLibrary.RecordRun(store, added[0].Id, success: false);
    }

    private string LibraryPath => _directory.Combine("procedures.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void List_ShowsEachProceduresToolChainAndStatistics()
    {
        CliRun run = CliRun.Of("skills", "list", "--library", LibraryPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"procedures\.db: 2 skills \(0 retired\), 0 episodes run", run.OutLines[0]);
        Assert.Matches(@"^Id +Name +Procedure +Uses +Successes +Rate +Demonstrations +Age +Status +Retired because$", run.OutLines[1]);
        Assert.Matches(@"^0 +return_delivered_order_items +find_user_id_by_name_zip → get_user_details → get_order_details → get_product_details → return_delivered_order_items +2 +1 +50% +2 +0 +active +-$", run.OutLines[2]);
        Assert.Matches(@"^1 +cancel_pending_order +get_order_details → cancel_pending_order +0 +0 +- +1 +0 +active +-$", run.OutLines[3]);
        Assert.DoesNotContain("Preconditions", run.Out);
    }

    [Fact]
    public void Show_PrintsTheProceduresStepsSlotsAndWhereEachValueComesFrom()
    {
        CliRun byName = CliRun.Of("skills", "show", "return_delivered_order_items", "--library", LibraryPath);
        CliRun byId = CliRun.Of("skills", "show", "0", "--library", LibraryPath);

        Assert.Equal(0, byName.ExitCode);
        Assert.Equal(byName.Out, byId.Out);
        Assert.StartsWith("Skill #0 return_delivered_order_items in ", byName.OutLines[0]);
        Assert.Contains(byName.OutLines, l => l.StartsWith("Procedure ", StringComparison.Ordinal) && l.EndsWith("→ return_delivered_order_items", StringComparison.Ordinal));
        Assert.Contains(byName.OutLines, l => l.StartsWith("Key ", StringComparison.Ordinal) && l.Contains("256 numbers"));
        Assert.DoesNotContain(byName.OutLines, l => l.StartsWith("Kept demonstrations", StringComparison.Ordinal));
        string[] lines = byName.Out.Split('\n');
        int at = Array.IndexOf(lines, "Procedure:");
        Assert.True(at > 0, byName.Out);
        Assert.Equal(
        [
            "  Purpose: return delivered order items",
            "  Steps:",
            "    1. find_user_id_by_name_zip",
            "         first_name ← {first_name}",
            "         last_name ← {last_name}",
            "         zip ← {zip}",
            "    2. get_user_details",
            "         user_id ← step 1 $",
            "    3. get_order_details",
            "         order_id ← {order_id}",
            "    4. get_product_details, for each of step 3 $.items[mentioned:name]",
            "         product_id ← each $.product_id",
            "    5. return_delivered_order_items (changes state)",
            "         order_id ← step 3 $.order_id",
            "         item_ids ← step 3 $.items[mentioned:name].item_id",
            "         payment_method_id ← step 3 $.payment_history[0].payment_method_id or step 2 $.payment_methods[best].id",
            """         notify ← {"email":true,"sms":[1,2.5,"x"]}""",
            "  Slots:",
            "    {first_name}: person-name; shapes [A-Z][a-z]+; cues am, name",
            "    {last_name}: person-name; shapes [A-Z][a-z]+",
            @"    {zip}: zip; shapes \d{5}; cues zip, code",
            @"    {order_id}: order-id; shapes #W\d{7}; cues order",
            "  Demonstrations: 2",
            "    e.g. \"Hi, I am Yusuf Rossi, zip 19122. Return the keyboard from order #W2378156, please.\" (tau-retail/train/17)",
        ], lines[(at + 1)..].Where(l => l.Length > 0));
    }

    [Fact]
    public void Export_ImportIntoANewLibrary_ExportAgain_GivesTheSameDocument_AndImportingAgainMerges()
    {
        string first = _directory.Combine("first.json"), second = _directory.Combine("second.json"), copy = _directory.Combine("copy.db");

        Assert.Equal(0, CliRun.Of("skills", "export", "--library", LibraryPath, "--output", first).ExitCode);
        CliRun import = CliRun.Of("skills", "import", first, "--library", copy);
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", copy, "--output", second).ExitCode);
        CliRun again = CliRun.Of("skills", "import", first, "--library", copy);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("2 new, 0 merged", import.Out);
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));
        JsonNode document = JsonNode.Parse(File.ReadAllText(first))!;
        Assert.Equal("tool", document["domain"]!.GetValue<string>());
        JsonNode procedure = document["skills"]![0]!["policy"]!["procedure"]!;
        Assert.Equal("return delivered order items", procedure["purpose"]!.GetValue<string>());
        Assert.Equal("slot", procedure["steps"]![0]!["arguments"]![0]!["source"]!["from"]!.GetValue<string>());
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 new, 2 merged into stored skills that are the same skill by the tool domain's rule", again.Out);
        Assert.Contains(CliRun.Of("skills", "list", "--library", copy).OutLines, l => l.StartsWith("0 ", StringComparison.Ordinal) && l.Contains(" 4 ") && l.Contains("50%"));
    }

    [Theory]
    [InlineData("steps", "$.skills[1].policy.procedure is not a valid procedure: it has no steps")]
    [InlineData("slot", "$.skills[1].policy.procedure is not a valid procedure: steps[0].arguments[0] (order_id) reads the slot 'nowhere'")]
    [InlineData("tool", "$.skills[1].policy.procedure.steps[1].tool is the unknown tool 'launch_rocket'")]
    [InlineData("source", "$.skills[1].policy.procedure is not a valid procedure:")]
    public void Import_OfABrokenProcedure_ExitsTwo_AndCreatesNothing(string breakage, string expected)
    {
        string exported = _directory.Combine("export.json"), broken = _directory.Combine("broken.json"), missing = _directory.Combine("missing.db");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", LibraryPath, "--output", exported).ExitCode);
        JsonNode document = JsonNode.Parse(File.ReadAllText(exported))!;
        JsonNode procedure = document["skills"]![1]!["policy"]!["procedure"]!;
        switch (breakage)
        {
            case "steps": procedure["steps"] = new JsonArray(); break;
            case "slot": procedure["steps"]![0]!["arguments"]![0]!["source"] = JsonNode.Parse("""{"from": "slot", "slot": "nowhere"}"""); break;
            case "tool": procedure["steps"]![1]!["tool"] = "launch_rocket"; break;
            case "source": procedure["steps"]![0]!["arguments"]![0]!["source"] = JsonNode.Parse("""{"from": "guess"}"""); break;
        }
        File.WriteAllText(broken, document.ToJsonString());
        string before = FileFingerprint.Of(LibraryPath);

        CliRun intoExisting = CliRun.Of("skills", "import", broken, "--library", LibraryPath);
        CliRun intoMissing = CliRun.Of("skills", "import", broken, "--library", missing);

        Assert.Equal(2, intoExisting.ExitCode);
        Assert.Contains(expected, Assert.Single(intoExisting.ErrorLines));
        Assert.Equal(before, FileFingerprint.Of(LibraryPath));
        Assert.Equal(2, intoMissing.ExitCode);
        Assert.False(File.Exists(missing));
    }
}
