using System.Text.Json;
using ProceduralMemory.Cli.Tests.Library;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchLearningCommandTests(TrainedLibrary trained) : IClassFixture<TrainedLibrary>
{
    [Fact]
    public void BenchLearning_Json_LastLineCarriesTheContractFields()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "1500", "--eval-seeds", "0-9", "--seed", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal("doorkey-5x5", root.GetProperty("env").GetString());
        Assert.Equal("procmem", root.GetProperty("agent").GetString());
        Assert.Equal(1500, root.GetProperty("train_env_steps").GetInt32());
        Assert.Equal(10, root.GetProperty("eval_episodes").GetInt32()); // seeds 0-9 generate ten distinct 5x5 layouts
        Assert.Equal(10, root.GetProperty("eval_layouts").GetInt32());
        Assert.Equal(0.0, root.GetProperty("eval_layout_overlap").GetDouble());
        Assert.Equal("test", root.GetProperty("eval_split").GetString());
        Assert.InRange(root.GetProperty("eval_mean_return").GetDouble(), 0.0, 1.0);
        Assert.InRange(root.GetProperty("eval_success_rate").GetDouble(), 0.0, 1.0);
        Assert.True(root.GetProperty("eval_mean_steps").GetDouble() > 0);
        Assert.True(root.GetProperty("optimal_mean_steps").GetDouble() > 0);
        Assert.Equal(10, root.GetProperty("optimal_layouts_solved").GetInt32());
        double optimalReturn = root.GetProperty("optimal_mean_return").GetDouble();
        Assert.InRange(optimalReturn, 0.5, 1.0);
        Assert.Equal(root.GetProperty("eval_mean_return").GetDouble() / optimalReturn, root.GetProperty("normalised_return").GetDouble(), 12);
        Assert.Contains(run.OutLines, l => l.StartsWith("  normalised return ", StringComparison.Ordinal) && l.Contains("on all 10 layouts", StringComparison.Ordinal));
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("train_steps_per_second").GetDouble() > 0);
    }

    [Fact]
    public void BenchLearning_OnAnEnvironmentThatCannotPlan_HasNoNormalisedReturn()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "gridworld", "--train-steps", "100", "--eval-seeds", "0-1", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        foreach (string field in new[] { "optimal_mean_steps", "optimal_mean_return", "normalised_return", "optimal_layouts_solved" })
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty(field).ValueKind);
        Assert.Contains(run.OutLines, l => l.StartsWith("  normalised return n/a", StringComparison.Ordinal));
    }

    [Fact]
    public void BenchLearning_UnknownAgent_ExitsTwoNamingTheKnownOnes()
    {
        CliRun run = CliRun.Of("bench", "learning", "--agent", "oracle");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("procmem", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void BenchLearning_OnALibraryThatHoldsSkills_RefusesWithoutContinue_AndChangesNothing()
    {
        using var dir = new TemporaryDirectory();
        string library = trained.CopyTo(dir);
        string before = FileFingerprint.Of(library);

        CliRun run = CliRun.Of("bench", "learning", "--train-steps", "100", "--eval-seeds", "0-1", "--library", library);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("already holds", Assert.Single(run.ErrorLines));
        Assert.Contains("--continue", run.Error);
        Assert.Equal(before, FileFingerprint.Of(library));
    }

    [Fact]
    public void BenchLearning_WithContinue_ReportsWhatTheLibraryHeldAtTheStart()
    {
        using var dir = new TemporaryDirectory();
        string library = trained.CopyTo(dir);
        CliRun list = CliRun.Of("skills", "list", "--library", library);
        int skills = list.OutLines.Count(l => l.Length > 0 && char.IsDigit(l[0]));

        CliRun run = CliRun.Of("bench", "learning", "--train-steps", "100", "--eval-seeds", "0-1", "--library", library, "--continue", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.StartsWith("Continuing from ", StringComparison.Ordinal));
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        Assert.True(skills > 0);
        Assert.Equal(skills, json.RootElement.GetProperty("library_skills_at_start").GetInt32());
        Assert.True(json.RootElement.GetProperty("library_episodes_at_start").GetInt64() > 0);
    }

    [Fact]
    public void BenchLearning_OnANewLibrary_StartsFromNothing()
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("bench", "learning", "--train-steps", "100", "--eval-seeds", "0-1", "--library", dir.Combine("new.db"), "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        Assert.Equal(0, json.RootElement.GetProperty("library_skills_at_start").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("library_episodes_at_start").GetInt64());
    }

    [Fact]
    public void BenchLearning_ContinueWithoutALibrary_ExitsTwo()
    {
        CliRun run = CliRun.Of("bench", "learning", "--train-steps", "100", "--continue");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--continue needs a --library", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void BenchLearning_OnDoorKey5x5_EvaluatesAQuarterOfItsLayouts_NoneTrainedOn()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "300", "--eval-seeds", "0-99", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.OutLines, l => l.Contains("then 12 held-out test layouts (the distinct layouts of seeds 0-99; 0 also trained on)", StringComparison.Ordinal));
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        Assert.Equal(12, json.RootElement.GetProperty("eval_layouts").GetInt32());
        Assert.Equal(0.0, json.RootElement.GetProperty("eval_layout_overlap").GetDouble());
    }

    [Fact]
    public void BenchLearning_Dev_EvaluatesTheDevelopmentSplit()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "doorkey-5x5", "--train-steps", "300", "--dev", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        Assert.Equal("dev", json.RootElement.GetProperty("eval_split").GetString());
        Assert.Equal(6, json.RootElement.GetProperty("eval_layouts").GetInt32());
        Assert.Equal(0.0, json.RootElement.GetProperty("eval_layout_overlap").GetDouble());
    }

    [Fact]
    public void BenchLearning_OnTheOneLayoutGridWorld_ReportsTheOverlap_AndRefusesADevelopmentSplit()
    {
        CliRun run = CliRun.Of("bench", "learning", "--env", "gridworld", "--train-steps", "200", "--agent", "random", "--json");
        CliRun dev = CliRun.Of("bench", "learning", "--env", "gridworld", "--train-steps", "200", "--dev");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        Assert.Equal(1, json.RootElement.GetProperty("eval_layouts").GetInt32());
        Assert.Equal(1.0, json.RootElement.GetProperty("eval_layout_overlap").GetDouble());
        Assert.Equal(2, dev.ExitCode);
        Assert.Equal("procmem: gridworld has no development layouts: seeds 1000-1099 give none that is not a test layout (it has 1 layout in all); " +
            "evaluate on the test layouts instead.", Assert.Single(dev.ErrorLines));
    }
}
