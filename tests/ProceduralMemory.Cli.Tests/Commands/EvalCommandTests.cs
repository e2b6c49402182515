using System.Text.Json;
using ProceduralMemory.Cli.Tests.Library;

namespace ProceduralMemory.Cli.Tests.Commands;

public class EvalCommandTests(TrainedLibrary library) : IClassFixture<TrainedLibrary>
{
    [Fact]
    public void Eval_PlaysHeldOutLayoutsWithTheLibrary_AndChangesNoByteOfIt()
    {
        string before = FileFingerprint.Of(library.Path);
        CliRun run = CliRun.Of("eval", "--env", "doorkey-5x5", "--library", library.Path, "--seeds", "0-9", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement r = json.RootElement;
        Assert.Equal(10, r.GetProperty("eval_episodes").GetInt32());
        Assert.InRange(r.GetProperty("eval_mean_return").GetDouble(), 0, 1);
        Assert.True(r.GetProperty("skills").GetInt32() > 0);
        Assert.Equal(before, FileFingerprint.Of(library.Path));
    }

    [Fact]
    public void Eval_WithAttention_SaysSo_CountsNetworkActions_AndChangesNoByteOfTheLibrary()
    {
        string before = FileFingerprint.Of(library.Path);
        CliRun plain = CliRun.Of("eval", "--env", "doorkey-16x16", "--library", library.Path, "--seeds", "0-4", "--json");
        CliRun attending = CliRun.Of("eval", "--env", "doorkey-16x16", "--library", library.Path, "--seeds", "0-4", "--attention", "--json");

        Assert.Equal(0, attending.ExitCode);
        using var plainJson = JsonDocument.Parse(plain.OutLines[^1]);
        using var json = JsonDocument.Parse(attending.OutLines[^1]);
        Assert.False(plainJson.RootElement.GetProperty("attention").GetBoolean());
        Assert.Equal(0, plainJson.RootElement.GetProperty("blended_actions").GetInt32());
        Assert.True(json.RootElement.GetProperty("attention").GetBoolean());
        Assert.InRange(json.RootElement.GetProperty("blended_actions").GetInt32(), 0, json.RootElement.GetProperty("network_actions").GetInt32());
        Assert.Equal(before, FileFingerprint.Of(library.Path));
    }

    [Fact]
    public void Eval_OnALargerDoorKey_UsesTheSameLibrary()
    {
        CliRun run = CliRun.Of("eval", "--env", "doorkey-8x8", "--library", library.Path, "--seeds", "0-4");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("doorkey-8x8, 5 test layouts (the distinct layouts of seeds 0-4)", run.OutLines[0]);
    }

    [Fact]
    public void Eval_OfALibraryForAnotherKindOfEnvironment_ExitsTwo()
    {
        CliRun run = CliRun.Of("eval", "--env", "gridworld", "--library", library.Path, "--seeds", "0-1");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("another kind of environment", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public void Eval_OfAMissingLibrary_ExitsTwo_AndCreatesNothing()
    {
        using var dir = new TemporaryDirectory();
        CliRun run = CliRun.Of("eval", "--library", dir.Combine("none.db"));
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("eval")]
    [InlineData("skills list")]
    [InlineData("skills export")]
    [InlineData("skills import")]
    [InlineData("skills prune")]
    public void EveryLibraryCommand_GivenAForeignFile_ExitsTwo_AndLeavesItUntouched(string command)
    {
        using var dir = new TemporaryDirectory();
        string foreign = dir.Combine("notes.txt");
        File.WriteAllText(foreign, "these are my notes, not a skill library\n");
        string export = dir.Combine("export.json");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", export).ExitCode);
        string before = FileFingerprint.Of(foreign);

        string[] args = command switch
        {
            "train" => ["train", "--steps", "50", "--eval-seeds", "0-1", "--out", dir.Combine("out")],
            "skills import" => ["skills", "import", export],
            "skills prune" => ["skills", "prune", "--below", "0.5"],
            _ => command.Split(' '),
        };
        CliRun run = CliRun.Of([.. args, "--library", foreign]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Equal(before, FileFingerprint.Of(foreign));
        Assert.False(Directory.Exists(dir.Combine("out")));
    }
}
