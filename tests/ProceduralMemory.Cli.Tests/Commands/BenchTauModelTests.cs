using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ProceduralMemory.Cli.Tests.Models;
using ProceduralMemory.Tools.Tau;
using Xunit.Abstractions;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary>
/// <c>procmem bench tau --model</c> against an OpenAI-compatible server on loopback that plays a model following the
/// procedures recalled into its conversation (and with none, answering that it does not know how): the real OpenAI
/// client library and function invocation talk HTTP to it.
/// </summary>
public sealed class BenchTauModelTests(ITestOutputHelper output)
{
    private static string Data => Path.GetDirectoryName(DataFiles.TauDomain("retail"))!;

    private static IReadOnlyList<ProceduralMemory.Tools.ToolDefinition> RetailTools() =>
        TauDomain.Load("retail", DataFiles.TauDomain("retail")).CreateEnvironment().Tools;

    // bench tau with the procedures learned from train 0-99, the model at modelUri, on the test tasks given. The stub
    // model tries the combinations of items a task may mean until the tool accepts one, as the procedural agent does,
    // so it needs the agent's budget of failed calls (measured: 20 of 30 with 60, 7 with the default 5). Off the test's
    // thread: the command blocks on the model's requests, which this process also serves.
    private static Task<CliRun> RunWithModelAsync(string modelUri, string test)
    {
        string output = Path.Combine(Path.GetTempPath(), $"procmem-bench-model-{Guid.NewGuid():N}");
        return Task.Run(() =>
        {
            try
            {
                return CliRun.Of("bench", "tau", "--domain", "retail", "--train", "train:0-99", "--test", test, "--curve", "50",
                    "--out", output, "--data", Data, "--model", modelUri, "--max-turns", "200", "--max-errors", "60", "--json");
            }
            finally
            {
                if (Directory.Exists(output))
                    Directory.Delete(output, recursive: true);
            }
        });
    }

    [Fact]
    public async Task BenchTau_WithAModel_ReportsItWithAndWithoutMemory_AndTheMemorySolvesMore()
    {
        var model = new ProcedureFollowingChatClient(RetailTools());
        await using OpenAIStubServer stub = await OpenAIStubServer.StartAsync(model);

        CliRun run = await RunWithModelAsync($"openai:stub@{stub.BaseUrl}", "train:400-429");

        Assert.True(run.ExitCode == 0, run.Error);
        output.WriteLine(string.Join('\n', run.OutLines[..^1]));
        Assert.Contains(run.OutLines, l => l.StartsWith("model + memory", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("model alone", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("model with memory: task 30/30", StringComparison.Ordinal));
        JsonElement result = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        // The benchmark's own measures are still there, under their names.
        Assert.Equal(30, result.GetProperty("test_tasks").GetInt32());
        Assert.True(result.TryGetProperty("baselines", out _));
        JsonElement report = result.GetProperty("model");
        Assert.Equal($"openai:stub@{stub.BaseUrl}", report.GetProperty("uri").GetString()!.TrimEnd('/'));
        Assert.True(report.GetProperty("procedures").GetInt32() > 0);
        JsonElement with = report.GetProperty("with_memory"), without = report.GetProperty("without_memory");
        int doneWith = with.GetProperty("tasks_done").GetInt32(), doneWithout = without.GetProperty("tasks_done").GetInt32();
        output.WriteLine($"30 held-out retail tasks (train 400-429) done by the stub model: {doneWith} with procedural memory, {doneWithout} without; "
            + $"{with.GetProperty("requests").GetInt32()} and {without.GetProperty("requests").GetInt32()} requests; {with.GetProperty("learned").GetInt32()} procedures learned during the run");
        Assert.True(doneWith > doneWithout, $"{doneWith} with memory against {doneWithout} without");
        Assert.InRange(doneWith, 15, 30);
        // Without memory the model sees no procedure and answers each task in one request; every request went through the stub.
        Assert.Equal(30, without.GetProperty("requests").GetInt32());
        Assert.Equal(0.0, without.GetProperty("mean_calls").GetDouble());
        Assert.Equal(stub.Requests, with.GetProperty("requests").GetInt32() + without.GetProperty("requests").GetInt32());
        Assert.Equal(model.Requests, stub.Requests);
        Assert.InRange(model.GuidedRequests, doneWith, with.GetProperty("requests").GetInt32());
        Assert.Equal(stub.Requests * 10L, with.GetProperty("input_tokens").GetInt64() + without.GetProperty("input_tokens").GetInt64());
    }

    [Fact]
    public async Task BenchTau_WithAnOllamaModel_TalksOllamasOwnApi_AndTheMemorySolvesMore()
    {
        var model = new ProcedureFollowingChatClient(RetailTools());
        await using OllamaStubServer stub = await OllamaStubServer.StartAsync(model);

        CliRun run = await RunWithModelAsync($"ollama:qwen2.5:7b@{stub.Address}", "train:400-414");

        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement report = JsonDocument.Parse(run.OutLines[^1]).RootElement.GetProperty("model");
        Assert.Equal($"ollama:qwen2.5:7b@{stub.Address}", report.GetProperty("uri").GetString()!.TrimEnd('/'));
        JsonElement with = report.GetProperty("with_memory"), without = report.GetProperty("without_memory");
        int doneWith = with.GetProperty("tasks_done").GetInt32(), doneWithout = without.GetProperty("tasks_done").GetInt32();
        output.WriteLine($"15 held-out retail tasks (train 400-414) done by the stub model through Ollama's API: {doneWith} with procedural memory, {doneWithout} without");
        Assert.True(doneWith > doneWithout, $"{doneWith} with memory against {doneWithout} without");
        Assert.Equal(stub.Requests, with.GetProperty("requests").GetInt32() + without.GetProperty("requests").GetInt32());
        Assert.Equal(model.Requests, stub.Requests);
        Assert.Equal(stub.Requests * 10L, with.GetProperty("input_tokens").GetInt64() + without.GetProperty("input_tokens").GetInt64());
    }

    [Theory]
    [InlineData("gpt-4o")]
    [InlineData("claude:sonnet")]
    [InlineData("openai:")]
    [InlineData("openai:m@ftp://127.0.0.1/v1")]
    public void BenchTau_WithABadModelUri_ExitsTwo_WithOneLine_BeforeRunningAnything(string uri)
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--train", "train:0-99", "--test", "train:400-429",
            "--out", dir.Combine("out"), "--data", Data, "--model", uri);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("procmem: --model: ", line, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void BenchTau_WithAnUnreachableModelServer_ExitsTwo_NamingIt()
    {
        using var dir = new TemporaryDirectory();
        // A port nothing listens on: bound for a moment by the system's choice, then released.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string endpoint = $"http://127.0.0.1:{port}/v1";

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--train", "train:0-9", "--test", "train:400-401", "--curve", "5",
            "--out", dir.Combine("out"), "--data", Data, "--model", $"openai:m@{endpoint}");

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.ErrorLines, l => l.StartsWith("procmem: ", StringComparison.Ordinal));
        Assert.Equal(line, run.ErrorLines[^1]);
        Assert.Contains(endpoint, line, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchTau_WithAModel_AndNoSeparateTestTasks_ExitsTwo()
    {
        using var dir = new TemporaryDirectory();

        CliRun run = CliRun.Of("bench", "tau", "--domain", "retail", "--train", "train:0-9", "--test", "train:0-9",
            "--out", dir.Combine("out"), "--data", Data, "--model", "openai:m@http://127.0.0.1:1/v1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--test", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
