using System.Text.Json;
using ProceduralMemory.Postgres.Tests;

namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>The commands against a real PostgreSQL library (skipped without a test server, failing on CI).</summary>
public class PostgresLibraryTests(TrainedLibrary trained) : IClassFixture<TrainedLibrary>
{
    [PostgresFact]
    public void Export_RoundTripsExactly_FromSqliteToPostgresAndBackToSqlite()
    {
        using var dir = new TemporaryDirectory();
        using var database = new TemporaryDatabase();
        string original = Export(trained.Path, dir.Combine("sqlite.json"));

        Assert.Equal(0, CliRun.Of("skills", "import", original, "--library", database.CommandLineLocation).ExitCode);
        string fromPostgres = Export(database.CommandLineLocation, dir.Combine("postgres.json"));
        Assert.Equal(0, CliRun.Of("skills", "import", fromPostgres, "--library", dir.Combine("again.db")).ExitCode);
        string again = Export(dir.Combine("again.db"), dir.Combine("again.json"));

        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(fromPostgres));
        Assert.Equal(File.ReadAllBytes(original), File.ReadAllBytes(again));
        Assert.Contains("\"created_episode\"", File.ReadAllText(original));
    }

    [PostgresFact]
    public void Messages_NameThePostgresLibrary_WithoutItsPassword()
    {
        using var database = new TemporaryDatabase();
        string password = PostgresServer.Password;
        Assert.False(string.IsNullOrEmpty(password), "the test server's login has a password, so its absence can be checked");
        CliRun train = CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "300", "--eval-seeds", "0-1", "--library", database.CommandLineLocation,
            "--out", Path.Combine(Path.GetTempPath(), $"procmem-pg-{Guid.NewGuid():N}"), "--json");
        // A password is allowed in PROCMEM_LIBRARY (no process list shows it); a wrong one there is not repeated either.
        using var wrong = ProcmemProcess.StartWith(new Dictionary<string, string>
        {
            ["PROCMEM_LIBRARY"] = database.ConnectionString.Replace(password, "not-" + password, StringComparison.Ordinal),
        }, "skills", "list");
        int wrongExit = wrong.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.Equal(0, train.ExitCode);
        Assert.Contains("postgresql://", train.Out);
        Assert.DoesNotContain(password, train.Out + train.Error);
        Assert.Equal(2, wrongExit);
        Assert.Contains(wrong.Lines, l => l.Contains("refused the login", StringComparison.Ordinal));
        Assert.DoesNotContain(wrong.Lines, l => l.Contains(password, StringComparison.Ordinal));
    }

    [PostgresFact]
    public void EvalAndSkillsMergeJson_NameThePostgresLibrary_WithoutItsPassword()
    {
        using var database = new TemporaryDatabase();
        string password = PostgresServer.Password;
        Assert.False(string.IsNullOrEmpty(password), "the test server's login has a password, so its absence can be checked");
        Assert.Equal(0, CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "300", "--eval-seeds", "0-1", "--library", database.CommandLineLocation,
            "--out", Path.Combine(Path.GetTempPath(), $"procmem-pg-{Guid.NewGuid():N}")).ExitCode);
        foreach (string[] arguments in new[] { new[] { "eval", "--env", "doorkey-5x5", "--seeds", "0-1", "--json" }, ["skills", "merge", "--dry-run", "--json"] })
        {
            using var run = ProcmemProcess.StartWith(new Dictionary<string, string> { ["PROCMEM_LIBRARY"] = database.ConnectionString }, arguments);
            int exit = run.WaitForExit(TimeSpan.FromMinutes(2));

            Assert.Equal(0, exit);
            Assert.DoesNotContain(run.Lines, l => l.Contains(password, StringComparison.Ordinal));
            Assert.StartsWith("postgresql://", JsonDocument.Parse(run.Lines[^1]).RootElement.GetProperty("library").GetString());
        }
    }

    [PostgresFact]
    public void SkillsListJson_NamesThePostgresLibrary_WithoutItsPassword()
    {
        using var database = new TemporaryDatabase();
        string password = PostgresServer.Password;
        Assert.False(string.IsNullOrEmpty(password), "the test server's login has a password, so its absence can be checked");
        Assert.Equal(0, CliRun.Of("train", "--env", "doorkey-5x5", "--steps", "300", "--eval-seeds", "0-1", "--library", database.CommandLineLocation,
            "--out", Path.Combine(Path.GetTempPath(), $"procmem-pg-{Guid.NewGuid():N}")).ExitCode);
        // A password is allowed in PROCMEM_LIBRARY; the JSON names the library as the table's title does.
        using var list = ProcmemProcess.StartWith(new Dictionary<string, string> { ["PROCMEM_LIBRARY"] = database.ConnectionString }, "skills", "list", "--json");
        int exit = list.WaitForExit(TimeSpan.FromMinutes(2));

        Assert.Equal(0, exit);
        Assert.DoesNotContain(list.Lines, l => l.Contains(password, StringComparison.Ordinal));
        Assert.StartsWith("postgresql://", JsonDocument.Parse(list.Lines[^1]).RootElement.GetProperty("library").GetString());
    }

    [PostgresRestartFact]
    public void Training_OnPostgres_WaitsOutAServerRestart_AndLosesNoUpdate()
    {
        using var dir = new TemporaryDirectory();
        using var database = new TemporaryDatabase();
        using var run = ProcmemProcess.Start("train", "--env", "doorkey-5x5", "--steps", "4000", "--eval-every", "1000", "--eval-seeds", "0-3",
            "--library", database.CommandLineLocation, "--out", dir.Combine("run"), "--json");
        WaitFor(run, l => l.StartsWith("steps=1", StringComparison.Ordinal)); // well into training, committing every episode

        PostgresServer.Restart();

        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(5)) == 0, string.Join('\n', run.Lines));
        using var json = JsonDocument.Parse(run.Lines[^1]);
        JsonElement result = json.RootElement;
        Assert.Equal(result.GetProperty("train_episodes").GetInt64(), Convert.ToInt64(database.Scalar("SELECT episodes FROM procmem.meta")));
        Assert.Equal(result.GetProperty("committed_uses").GetInt64(), Convert.ToInt64(database.Scalar("SELECT coalesce(sum(uses), 0) FROM procmem.skills")));
        Assert.Equal(result.GetProperty("committed_demonstrations").GetInt64(),
            Convert.ToInt64(database.Scalar("SELECT coalesce(sum(demonstrations), 0) FROM procmem.skills")));
    }

    private static string Export(string library, string file)
    {
        CliRun run = CliRun.Of("skills", "export", "--library", library, "--output", file);
        Assert.True(run.ExitCode == 0, run.Error);
        return file;
    }

    private static void WaitFor(ProcmemProcess run, Func<string, bool> sign)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (!run.Lines.Any(sign))
        {
            Assert.True(DateTime.UtcNow < deadline, "training never got going: " + string.Join('\n', run.Lines));
            Thread.Sleep(50);
        }
    }
}
