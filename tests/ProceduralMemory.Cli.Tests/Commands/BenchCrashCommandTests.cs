using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary><c>procmem bench crash</c>: a short soak of real processes, and the input it refuses.</summary>
public class BenchCrashCommandTests
{
    [Fact]
    public void ThreeRounds_PassAndEndWithTheContractsJson()
    {
        using var run = ProcmemProcess.Start("bench", "crash", "--rounds", "3", "--seed", "7", "--json");

        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)) == 0, string.Join('\n', run.Lines));
        using JsonDocument json = JsonDocument.Parse(run.Lines[^1]);
        JsonElement r = json.RootElement;
        Assert.Equal(3, r.GetProperty("rounds").GetInt32());
        Assert.Equal(0, r.GetProperty("failures").GetInt32());
        Assert.Equal(0, r.GetProperty("skills_lost").GetInt32());
        Assert.Equal(0, r.GetProperty("integrity_failures").GetInt32());
        Assert.InRange(r.GetProperty("kills").GetInt32(), 0, 3);
        Assert.InRange(r.GetProperty("kills_after_stored_skill").GetInt32(), 0, r.GetProperty("kills").GetInt32());
        Assert.Equal(1, r.GetProperty("resume_runs").GetInt32()); // after the last round
        Assert.Equal(7, r.GetProperty("seed").GetInt32());
        Assert.Equal(3, run.Lines.Count(l => l.StartsWith("round ", StringComparison.Ordinal)));
        Assert.Contains(run.Lines, l => l == "rounds 3, failures 0, skills lost 0, integrity failures 0");
    }

    [Theory]
    [InlineData("--rounds", "0")]
    [InlineData("--fresh-every", "-1")]
    [InlineData("--library", "postgres://agent@127.0.0.1:1/skills")]
    [InlineData("--library", "/no/such/folder/crash.db")]
    public void BadInput_IsRefusedBeforeAnyProcessStarts(string option, string value)
    {
        CliRun run = CliRun.Of("bench", "crash", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procmem: ", Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
    }

    [Fact]
    public void ExistingFile_IsRefusedUntouched_UnlessTheSoakKeepsOneLibrary()
    {
        using var dir = new TemporaryDirectory();
        string file = dir.Combine("notes.db");
        File.WriteAllText(file, "not a library");

        CliRun replaced = CliRun.Of("bench", "crash", "--library", file);
        CliRun kept = CliRun.Of("bench", "crash", "--library", file, "--fresh-every", "0");

        Assert.Equal(2, replaced.ExitCode);
        Assert.Contains("--fresh-every 0", replaced.Error);
        Assert.Equal(2, kept.ExitCode);
        Assert.Contains("not a procmem library", kept.Error);
        Assert.Equal("not a library", File.ReadAllText(file));
    }
}
