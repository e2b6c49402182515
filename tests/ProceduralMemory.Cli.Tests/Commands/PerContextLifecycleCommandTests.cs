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
}
