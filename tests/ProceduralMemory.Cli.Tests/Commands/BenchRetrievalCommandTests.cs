using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Commands;

public class BenchRetrievalCommandTests
{
    [Fact]
    public void BenchRetrieval_WithJson_EndsWithOneObjectOfTheContractsFields()
    {
        CliRun run = CliRun.Of("bench", "retrieval", "--skills", "300", "--dim", "8", "--queries", "20", "--json");

        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.OutLines[^1]);
        JsonElement root = json.RootElement;
        Assert.Equal(["skills", "dim", "queries", "seconds_per_query", "gigabytes_per_second"],
            root.EnumerateObject().Select(p => p.Name).Take(5));
        Assert.Equal(300, root.GetProperty("skills").GetInt32());
        Assert.Equal(8, root.GetProperty("dim").GetInt32());
        Assert.Equal(20, root.GetProperty("queries").GetInt32());
        Assert.True(root.GetProperty("seconds_per_query").GetDouble() > 0);
        Assert.True(root.GetProperty("gigabytes_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("memory_read_gigabytes_per_second").GetDouble() > 0);
        Assert.Equal(1, root.GetProperty("batch").GetInt32());
    }

    [Fact]
    public void BenchRetrieval_FindsTheSameSkillsForTheSameSeed_AloneOrBatched()
    {
        string Best(string seed, string batch) => CliRun.Of("bench", "retrieval", "--skills", "500", "--dim", "16", "--queries", "9", "--seed", seed, "--batch", batch)
            .OutLines.Single(l => l.Contains("query 0's best"));

        Assert.Equal(Best("3", "1"), Best("3", "4"));
        Assert.NotEqual(Best("3", "4"), Best("4", "4"));
    }

    [Theory]
    [InlineData("--skills", "0")]
    [InlineData("--dim", "-3")]
    [InlineData("--queries", "many")]
    [InlineData("--batch", "0")]
    public void BenchRetrieval_WithBadInput_ExitsTwoWithOneLine(string option, string value)
    {
        CliRun run = CliRun.Of("bench", "retrieval", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("procmem: " + option, Assert.Single(run.ErrorLines));
        Assert.Empty(run.Out);
    }

    [Fact]
    public void BenchRetrieval_WithAKeyMatrixTooBigForOneArray_ExitsTwo()
    {
        CliRun run = CliRun.Of("bench", "retrieval", "--skills", "2000000000", "--dim", "64");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--skills x --dim", Assert.Single(run.ErrorLines));
    }
}
