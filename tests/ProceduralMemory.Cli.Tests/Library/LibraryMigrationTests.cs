using System.Text.Json.Nodes;

namespace ProceduralMemory.Cli.Tests.Library;

/// <summary>
/// A library written by an earlier release (28d8b88: <c>train --env doorkey-5x5 --steps 3000 --seed 1</c>) opens in this
/// build and evaluates to the figure that release gave, so upgrading changes no result.
/// </summary>
public sealed class LibraryMigrationTests
{
    private static string Fixture => Path.Combine(DataFiles.RepositoryRoot, "tests", "Shared", "Fixtures", "library-28d8b88-doorkey-5x5.db");

    [Fact]
    public void ALibraryFrom28d8b88_EvaluatesToTheFigureThatReleaseGave()
    {
        using var dir = new TemporaryDirectory();
        string copy = dir.Combine("library.db");
        File.Copy(Fixture, copy);

        CliRun run = CliRun.Of("eval", "--env", "doorkey-5x5", "--library", copy, "--seeds", "0-99", "--json");

        Assert.Equal(0, run.ExitCode);
        JsonNode result = JsonNode.Parse(run.OutLines[^1])!; // the JSON line follows the human summary
        Assert.Equal(6, result["skills"]!.GetValue<int>());
        Assert.Equal(0.9562960000000007, result["eval_mean_return"]!.GetValue<double>()); // 28d8b88's eval of this file
    }

    [Fact]
    public void ALibraryFrom28d8b88_ExportsAsTheGridDomainWithItsSeedsRandomProjection()
    {
        using var dir = new TemporaryDirectory();
        string copy = dir.Combine("library.db");
        File.Copy(Fixture, copy);

        JsonNode document = JsonNode.Parse(CliRun.Of("skills", "export", "--library", copy).Out)!;

        Assert.Equal(2, document["version"]!.GetValue<int>());
        Assert.Equal("grid", document["domain"]!.GetValue<string>());
        Assert.Equal("random-projection/v1 seed=3837845083 dim=32 features=71", document["key_model"]!.GetValue<string>());
        Assert.Equal(6, document["skills"]!.AsArray().Count);
        Assert.StartsWith("pre ", document["skills"]![0]!["identity"]!.GetValue<string>());
    }
}
