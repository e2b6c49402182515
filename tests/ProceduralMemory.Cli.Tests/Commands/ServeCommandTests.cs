using System.Net.Http.Json;
using System.Text.Json;
using ProceduralMemory.Cli.Tests.Serving;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary><c>procmem serve</c> as a process of its own, and <c>procmem bench serve</c>.</summary>
public sealed class ServeCommandTests
{
    private static string Data => Path.GetDirectoryName(DataFiles.TauDomain("retail"))!;

    private static string Learn(TemporaryDirectory dir)
    {
        string library = dir.Combine("retail.db");
        CliRun learn = CliRun.Of("procedures", "learn", "--domain", "tau-retail", "--tasks", "train:0-49", "--library", library, "--data", Data);
        Assert.Equal(0, learn.ExitCode);
        return library;
    }

    [Fact]
    public async Task Serve_PrintsTheAddressItListensOn_AndAnswersThere()
    {
        using var dir = new TemporaryDirectory();
        string library = Learn(dir);
        // HttpServer waits for the "listening on" line and takes the address from it.
        using HttpServer serve = await HttpServer.StartWith("--library", library);
        Assert.StartsWith("http://127.0.0.1:", serve.Address.ToString());

        HttpClient client = serve.Client;
        using JsonDocument list = JsonDocument.Parse(await client.GetStringAsync("/procedures"));
        int id = list.RootElement.GetProperty("procedures")[0].GetProperty("id").GetInt32();
        using var outcome = await client.PostAsJsonAsync($"/procedures/{id}/outcome", new { success = true });
        outcome.EnsureSuccessStatusCode();
        using JsonDocument read = JsonDocument.Parse(await client.GetStringAsync($"/procedures/{id}"));
        Assert.Equal(1, read.RootElement.GetProperty("uses").GetInt32());
    }

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:5080", "loopback")]
    [InlineData("--urls", "ftp://127.0.0.1:5080", "not an address")]
    [InlineData("--api-key", "short", "at least 16")]
    public void Serve_RefusesBeforeListening_WithOneLine_ExitTwo(string option, string value, string reason)
    {
        using var dir = new TemporaryDirectory();
        string library = Learn(dir);
        CliRun run = CliRun.Of("serve", "--library", library, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, Assert.Single(run.ErrorLines));
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void BenchServe_ReportsThroughputAndLatency_AndNoLostUpdate()
    {
        using var dir = new TemporaryDirectory();
        string library = Learn(dir);
        CliRun run = CliRun.Of("bench", "serve", "--clients", "4", "--requests", "30", "--library", library, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement result = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.Equal(4, result.GetProperty("clients").GetInt32());
        Assert.Equal(120, result.GetProperty("requests").GetInt32());
        Assert.True(result.GetProperty("requests_per_second").GetDouble() > 0);
        Assert.True(result.GetProperty("latency_p95_ms").GetDouble() >= result.GetProperty("latency_median_ms").GetDouble());
        Assert.Equal(0, result.GetProperty("lost_updates").GetInt32());
        Assert.Equal(48, result.GetProperty("outcomes_posted").GetInt32()); // 4 of each client's 10 requests
        Assert.Equal(48, result.GetProperty("uses_counted").GetInt32());
    }
}
