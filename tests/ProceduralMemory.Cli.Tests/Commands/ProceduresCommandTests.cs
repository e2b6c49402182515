using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Cli.Tests.Commands;

public class ProceduresCommandTests
{
    private static string Data => Path.GetDirectoryName(DataFiles.TauDomain("retail"))!;

    /// <summary>The first <paramref name="count"/> retail train tasks from <paramref name="skip"/> on, as a procmem trace file.</summary>
    internal static string TraceFile(TemporaryDirectory dir, string name, int skip, int count)
    {
        var tasks = JsonNode.Parse(File.ReadAllText(Path.Combine(DataFiles.TauDomain("retail"), "tasks_train.json")))!.AsArray();
        var lines = tasks.Skip(skip).Take(count).Select(t => new JsonObject
        {
            ["instruction"] = t!["instruction"]!.DeepClone(),
            ["calls"] = new JsonArray(t["actions"]!.AsArray().Select(a => (JsonNode)new JsonObject
            {
                ["name"] = a!["name"]!.DeepClone(),
                ["arguments"] = a["arguments"]!.DeepClone(),
            }).ToArray()),
        }.ToJsonString());
        string path = dir.Combine(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Learn_FromTraces_StoresProcedures_ThatSkillsListAndShowDescribe()
    {
        using var dir = new TemporaryDirectory();
        string traces = TraceFile(dir, "train.jsonl", 0, 30);
        string library = dir.Combine("retail.db");

        CliRun run = CliRun.Of("procedures", "learn", "--domain", "tau-retail", "--traces", traces, "--library", library, "--data", Data, "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement result = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.Equal(30, result.GetProperty("demonstrations").GetInt32());
        var procedures = result.GetProperty("procedures").EnumerateArray().ToList();
        Assert.Contains(procedures, p => p.GetProperty("name").GetString() == "return_delivered_order_items"
            && p.GetProperty("steps").EnumerateArray().Any(s => s.GetString() == "get_order_details"));

        CliRun list = CliRun.Of("skills", "list", "--library", library);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(list.OutLines, l => l.Contains("return_delivered_order_items", StringComparison.Ordinal));
        int returnId = procedures.First(p => p.GetProperty("name").GetString() == "return_delivered_order_items").GetProperty("id").GetInt32();
        CliRun show = CliRun.Of("skills", "show", returnId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--library", library);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains(show.OutLines, l => l.Contains("item_ids ←", StringComparison.Ordinal) && l.Contains("[mentioned:name].item_id", StringComparison.Ordinal));
    }

    [Fact]
    public void Learn_FromATraceWithAnUnknownTool_ExitsTwoWithTheLineAndPath_AndCreatesNoLibrary()
    {
        using var dir = new TemporaryDirectory();
        string traces = TraceFile(dir, "train.jsonl", 0, 3);
        var lines = File.ReadAllLines(traces);
        JsonNode second = JsonNode.Parse(lines[1])!;
        second["calls"]![0]!["name"] = "refund_everything";
        lines[1] = second.ToJsonString();
        File.WriteAllLines(traces, lines);
        string library = dir.Combine("retail.db");

        CliRun run = CliRun.Of("procedures", "learn", "--domain", "tau-retail", "--traces", traces, "--library", library, "--data", Data);

        Assert.Equal(2, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        Assert.Contains("train.jsonl:2: $.calls[0].name", error, StringComparison.Ordinal);
        Assert.False(File.Exists(library));
    }

    [Fact]
    public void Learn_FromATraceBreakingASchema_LeavesAnExistingLibraryAsItWas()
    {
        using var dir = new TemporaryDirectory();
        string library = dir.Combine("retail.db");
        Assert.Equal(0, CliRun.Of("procedures", "learn", "--domain", "tau-retail", "--traces", TraceFile(dir, "good.jsonl", 0, 10), "--library", library, "--data", Data).ExitCode);
        byte[] before = File.ReadAllBytes(library);
        string bad = TraceFile(dir, "bad.jsonl", 10, 3);
        var lines = File.ReadAllLines(bad);
        JsonNode third = JsonNode.Parse(lines[2])!;
        third["calls"]![0]!["arguments"]!["order_id"] = 42;
        lines[2] = third.ToJsonString();
        File.WriteAllLines(bad, lines);

        CliRun run = CliRun.Of("procedures", "learn", "--domain", "tau-retail", "--traces", bad, "--library", library, "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.jsonl:3: $.calls[0].arguments.order_id", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(library));
    }

    [Fact]
    public void Learn_WithNeitherDomainNorTools_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("procedures", "learn", "--library", dir.Combine("x.db"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--domain", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("x.db")));
    }

    [Fact]
    public void BenchTau_OnHeldOutTrainTasks_BeatsNoMemory_AndWritesTheCurve()
    {
        using var dir = new TemporaryDirectory();
        string train = TraceFile(dir, "train.jsonl", 0, 60);
        string test = TraceFile(dir, "test.jsonl", 400, 20);

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--train", train, "--test", test, "--curve", "20",
            "--out", dir.Combine("out"), "--data", Data, "--json");

        Assert.Equal(0, run.ExitCode);
        JsonElement result = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.Equal(20, result.GetProperty("test_tasks").GetInt32());
        double success = result.GetProperty("success_rate").GetDouble();
        double noMemory = result.GetProperty("baselines").GetProperty("no_memory").GetProperty("success_rate").GetDouble();
        Assert.True(success > noMemory, $"procedural {success} against no memory {noMemory}");
        Assert.Equal([20, 60], result.GetProperty("curve").EnumerateArray().Select(p => p.GetProperty("demonstrations").GetInt32()));
        Assert.True(File.Exists(dir.Combine(Path.Combine("out", "tau-retail-curve.svg"))));
    }

    [Fact]
    public void BenchTau_WithEncoderKeys_RecallsThroughTheEncoder_TheSameWayTwice_AndSeparationTrainsALabelledOne()
    {
        using var dir = new TemporaryDirectory();
        string train = TraceFile(dir, "train.jsonl", 0, 40);
        string test = TraceFile(dir, "test.jsonl", 400, 10);
        string[] args = ["bench", "tau", "--domain", "retail", "--train", train, "--test", test, "--curve", "40", "--keys", "encoder",
            "--latent", "8", "--out", dir.Combine("out"), "--data", Data, "--json"];

        CliRun today = CliRun.Of(args), zero = CliRun.Of([.. args, "--separation", "0"]);
        CliRun first = CliRun.Of([.. args, "--separation", "5"]), second = CliRun.Of([.. args, "--separation", "5"]);

        Assert.All(new[] { today, zero, first, second }, run => Assert.Equal(0, run.ExitCode));
        JsonElement unlabelled = JsonDocument.Parse(today.OutLines[^1]).RootElement, labelled = JsonDocument.Parse(first.OutLines[^1]).RootElement;
        Assert.Equal("encoder", unlabelled.GetProperty("keys").GetString());
        Assert.StartsWith("text-encoder/v1 dim=8 ", unlabelled.GetProperty("key_model").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, unlabelled.GetProperty("separation").GetDouble());
        // Weight 0 is today's unlabelled encoder, and the same run twice gives the same result.
        Assert.Equal(today.OutLines[^1], zero.OutLines[^1]);
        Assert.Equal(5, labelled.GetProperty("separation").GetDouble());
        Assert.StartsWith("text-encoder/v1 dim=8 ", labelled.GetProperty("key_model").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(unlabelled.GetProperty("key_model").GetString(), labelled.GetProperty("key_model").GetString());
        Assert.Equal(first.OutLines[^1], second.OutLines[^1]);
        Assert.Contains(first.ErrorLines, l => l.Contains("labelled by", StringComparison.Ordinal) && l.Contains("procedures", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("NaN")]
    [InlineData("lots")]
    public void BenchTau_WithABadSeparation_ExitsTwoWithOneLine(string value)
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--keys", "encoder", "--separation", value, "--out", dir.Combine("out"), "--data", Data);

        AssertRefused(run, dir, "--separation must be a number from 0 to 1000");
    }

    // Exit 2 with one line naming the fault, and nothing printed or written.
    private static void AssertRefused(CliRun run, TemporaryDirectory dir, string fault)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(fault, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(run.OutLines);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public void BenchTau_WithSeparation_ButTextKeys_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--separation", "5", "--out", dir.Combine("out"), "--data", Data);

        AssertRefused(run, dir, "--separation needs --keys encoder");
    }

    [Fact]
    public void BenchTau_WithSeparation_OnDemonstrationsThatChangeNothing_ExitsTwo_ForThereAreNoLabels()
    {
        using var dir = new TemporaryDirectory();
        string lookups = dir.Combine("lookups.jsonl");
        File.WriteAllLines(lookups,
        [
            """{"instruction": "Which kinds of product are there? Tell me.", "calls": [{"name": "list_all_product_types", "arguments": {}}]}""",
            """{"instruction": "List the product types.", "calls": [{"name": "list_all_product_types", "arguments": {}}]}""",
        ]);
        string test = TraceFile(dir, "test.jsonl", 400, 3);

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--train", lookups, "--test", test, "--keys", "encoder", "--separation", "5",
            "--out", dir.Combine("out"), "--data", Data);

        AssertRefused(run, dir, "no clause has a procedure");
    }

    [Fact]
    public void BenchTau_WithEncoderKeys_RefusesCrossValidation()
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("bench", "tau", "--domain", "airline", "--train", "test", "--test", "test", "--keys", "encoder",
            "--out", dir.Combine("out"), "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--keys encoder", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void BenchTau_WithAnUnknownSplit_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--train", "nonsense", "--out", dir.Combine("out"), "--data", Data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nonsense", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
