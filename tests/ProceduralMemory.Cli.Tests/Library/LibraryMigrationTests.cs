using System.Text.Json.Nodes;

namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>
/// A library written by an earlier release (28d8b88: <c>train --env doorkey-5x5 --steps 3000 --seed 1</c>, schema 2) is
/// migrated to schema 3 and evaluates to the figure the build before the migration gave it, so upgrading changes no result.
/// </summary>
public sealed class LibraryMigrationTests
{
    private static string Fixture => Path.Combine(DataFiles.RepositoryRoot, "tests", "Shared", "Fixtures", "library-28d8b88-doorkey-5x5.db");

    [Fact]
    public void ALibraryFrom28d8b88_AfterMigration_EvaluatesToTheFigureTheBuildBeforeGave()
    {
        using var dir = new TemporaryDirectory();
        string copy = dir.Combine("library.db");
        File.Copy(Fixture, copy);

        // eval only reads, so it refuses the older schema and names the command that upgrades it.
        Assert.Contains("procmem skills upgrade", Assert.Single(CliRun.Of("eval", "--env", "doorkey-5x5", "--library", copy).ErrorLines));
        CliRun upgrade = CliRun.Of("skills", "upgrade", "--library", copy);
        Assert.Equal(0, upgrade.ExitCode);
        Assert.Contains("6 skills", upgrade.Out);
        CliRun run = CliRun.Of("eval", "--env", "doorkey-5x5", "--library", copy, "--seeds", "0-99", "--json");

        Assert.Equal(0, run.ExitCode);
        JsonNode result = JsonNode.Parse(run.OutLines[^1])!; // the JSON line follows the human summary
        Assert.Equal(6, result["skills"]!.GetValue<int>());
        // 28d8b88 gave 0.9562960000000007 on the 100 seeds; eval now plays their 12 distinct layouts (issue 13 item 4),
        // on which the builds before schema 3 (d4fcee6, and 842f12c with the agent's parts) gave this file, unmigrated,
        // 0.9571000000000001 (11.9 mean steps). Issue 14's agent runs the same six skills by planning to each one's
        // effect through the outcomes the file's explorer learned (stored with it), so it now takes the shortest
        // path on every layout (9.75 steps, the optimum): the file is read as it was, and used better.
        Assert.Equal(12, result["eval_layouts"]!.GetValue<int>());
        Assert.Equal(0.9648999999999998, result["eval_mean_return"]!.GetValue<double>());
        Assert.Equal(result["optimal_mean_steps"]!.GetValue<double>(), result["eval_mean_steps"]!.GetValue<double>());
    }

    [Fact]
    public void ALibraryFrom28d8b88_ExportsAsTheGridDomainWithItsSeedsRandomProjection()
    {
        using var dir = new TemporaryDirectory();
        string copy = dir.Combine("library.db");
        File.Copy(Fixture, copy);
        // Any command that writes upgrades the file too (pruning below a rate of 0 removes nothing).
        Assert.Equal(0, CliRun.Of("skills", "prune", "--below", "0", "--library", copy).ExitCode);

        JsonNode document = JsonNode.Parse(CliRun.Of("skills", "export", "--library", copy).Out)!;

        Assert.Equal(3, document["version"]!.GetValue<int>());
        Assert.Null(document["contexts"]); // an old library has no per-context state
        Assert.Equal("grid", document["domain"]!.GetValue<string>());
        Assert.Equal("random-projection/v1 seed=3837845083 dim=32 features=71", document["key_model"]!.GetValue<string>());
        Assert.Equal(6, document["skills"]!.AsArray().Count);
        Assert.StartsWith("pre ", document["skills"]![0]!["identity"]!.GetValue<string>());
    }
}
