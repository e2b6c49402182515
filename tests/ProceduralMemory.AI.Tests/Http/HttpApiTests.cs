using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ProceduralMemory.AI.Http;
using ProceduralMemory.Tools;

namespace ProceduralMemory.AI.Tests.Http;

/// <summary>The HTTP API through <see cref="HttpClient"/> against the running Kestrel server.</summary>
public sealed class HttpApiTests(RetailLibrary library) : IClassFixture<RetailLibrary>
{
    private const string Key = "a-key-of-enough-characters";

    [Fact]
    public async Task Health_AnswersOk_AndSaysItCanRecord()
    {
        await using var api = await RunningApi.StartAsync(library);
        JsonElement health = await GetJson(api.Client, "/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("can_record").GetBoolean());
    }

    [Fact]
    public async Task ListAndGet_ShowTheLibrarysProcedures_InSnakeCase()
    {
        await using var api = await RunningApi.StartAsync(library);
        JsonElement list = await GetJson(api.Client, "/procedures");
        JsonElement[] procedures = [.. list.GetProperty("procedures").EnumerateArray()];
        Assert.Equal(api.Memory.List().Select(p => p.Id), procedures.Select(p => p.GetProperty("id").GetInt32()));
        Assert.True(procedures.Length >= 2);

        string tool = procedures[0].GetProperty("steps")[0].GetProperty("tool").GetString()!;
        JsonElement filtered = await GetJson(api.Client, "/procedures?filter=" + Uri.EscapeDataString(tool));
        Assert.All(filtered.GetProperty("procedures").EnumerateArray(), p =>
            Assert.Contains(p.GetProperty("steps").EnumerateArray(), s => s.GetProperty("tool").GetString()!.Contains(tool, StringComparison.OrdinalIgnoreCase)
                || p.GetProperty("name").GetString()!.Contains(tool, StringComparison.OrdinalIgnoreCase)
                || p.GetProperty("purpose").GetString()!.Contains(tool, StringComparison.OrdinalIgnoreCase)));
        JsonElement none = await GetJson(api.Client, "/procedures?filter=no-such-thing-anywhere");
        Assert.Empty(none.GetProperty("procedures").EnumerateArray());

        int id = procedures[1].GetProperty("id").GetInt32();
        JsonElement one = await GetJson(api.Client, $"/procedures/{id}");
        Assert.Equal(id, one.GetProperty("id").GetInt32());
        Assert.Equal(api.Memory.Get(id).Uses, one.GetProperty("uses").GetInt32());
        Assert.True(one.TryGetProperty("successes", out _));
        Assert.True(one.TryGetProperty("success_rate", out _));
    }

    [Fact]
    public async Task Recall_ReturnsTheProcedureThatFitsTheTask_NearestFirst()
    {
        await using var api = await RunningApi.StartAsync(library);
        using var response = await api.Client.PostAsJsonAsync("/procedures/recall", new { task = "Cancel my pending order #W1234567 because I ordered it by mistake", k = 2 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement[] recalled = [.. (await Json(response)).GetProperty("procedures").EnumerateArray()];
        Assert.InRange(recalled.Length, 1, 2);
        Assert.Contains("cancel", recalled[0].GetProperty("procedure").GetProperty("name").GetString());
        Assert.True(recalled[0].GetProperty("similarity").GetSingle() >= recalled[^1].GetProperty("similarity").GetSingle());
    }

    [Fact]
    public async Task Outcome_CountsAUseAndASuccess_SeenByGetAndOnDisk()
    {
        await using var api = await RunningApi.StartAsync(library);
        int id = api.Memory.List()[0].Id;
        var before = api.Memory.Get(id);
        using var good = await api.Client.PostAsJsonAsync($"/procedures/{id}/outcome", new { success = true, notes = "worked" });
        using var bad = await api.Client.PostAsJsonAsync($"/procedures/{id}/outcome", new { success = false });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        JsonElement after = await Json(bad);
        Assert.Equal(before.Uses + 2, after.GetProperty("uses").GetInt32());
        Assert.Equal(before.Successes + 1, after.GetProperty("successes").GetInt32());
        JsonElement read = await GetJson(api.Client, $"/procedures/{id}");
        Assert.Equal(before.Uses + 2, read.GetProperty("uses").GetInt32());
        Assert.Contains((id, before.Uses + 2, before.Successes + 1), api.CountsOnDisk());
    }

    [Fact]
    public async Task Trajectory_OfASuccessfulTask_IsRecorded_AndCountsTheProceduresItCarriedOut()
    {
        await using var api = await RunningApi.StartAsync(library);
        ToolTask task = library.Domain.Tasks("train")[0];
        int usesBefore = api.Memory.List().Sum(p => p.Uses);
        using var response = await api.Client.PostAsJsonAsync("/trajectories", new
        {
            task = task.Instruction,
            calls = task.Actions.Select(a => new { name = a.Name, arguments = a.Arguments }),
            success = true,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement result = await Json(response);
        JsonElement[] learned = [.. result.GetProperty("learned").EnumerateArray()];
        JsonElement[] followed = [.. result.GetProperty("followed").EnumerateArray()];
        Assert.NotEmpty(learned);
        Assert.NotEmpty(followed); // the library learned this task's procedures already
        Assert.Equal(usesBefore + followed.Length, api.Memory.List().Sum(p => p.Uses));
    }

    [Fact]
    public async Task Metrics_CountRequestsByEndpointAndStatus_AndTheOperations()
    {
        await using var api = await RunningApi.StartAsync(library);
        int id = api.Memory.List()[0].Id;
        (await api.Client.PostAsJsonAsync("/procedures/recall", new { task = "return an item" })).Dispose();
        (await api.Client.PostAsJsonAsync($"/procedures/{id}/outcome", new { success = true })).Dispose();
        (await api.Client.PostAsJsonAsync("/procedures/999999/outcome", new { success = true })).Dispose();
        (await api.Client.GetAsync("/health")).Dispose();

        using var response = await api.Client.GetAsync("/metrics");
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        string[] lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Contains("procmem_http_requests_total{method=\"POST\",endpoint=\"/procedures/{id}/outcome\",status=\"200\"} 1", lines);
        Assert.Contains("procmem_http_requests_total{method=\"POST\",endpoint=\"/procedures/{id}/outcome\",status=\"404\"} 1", lines);
        Assert.Contains("procmem_http_requests_total{method=\"POST\",endpoint=\"/procedures/recall\",status=\"200\"} 1", lines);
        Assert.Contains("procmem_http_requests_total{method=\"GET\",endpoint=\"/health\",status=\"200\"} 1", lines);
        Assert.Contains("procmem_recalls_total 1", lines);
        Assert.Contains("procmem_outcomes_reported_total 1", lines);
        Assert.Contains("procmem_trajectories_recorded_total 0", lines);
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint()
    {
        await using var api = await RunningApi.StartAsync(library);
        JsonElement document = await GetJson(api.Client, "/openapi/v1.json");
        JsonElement paths = document.GetProperty("paths");
        foreach (var (path, method) in new[]
                 {
                     ("/health", "get"), ("/metrics", "get"), ("/procedures", "get"), ("/procedures/{id}", "get"),
                     ("/procedures/recall", "post"), ("/trajectories", "post"), ("/procedures/{id}/outcome", "post"),
                 })
            Assert.True(paths.TryGetProperty(path, out JsonElement item) && item.TryGetProperty(method, out _), $"{method} {path} is not in the document");
    }

    [Theory]
    [InlineData("/procedures/recall", "{\"task\": ")]
    [InlineData("/procedures/recall", "null")]
    [InlineData("/procedures/recall", "{\"task\": \"\"}")]
    [InlineData("/procedures/recall", "{\"task\": \"cancel\", \"k\": 0}")]
    [InlineData("/procedures/recall", "{\"task\": \"cancel\", \"k\": \"three\"}")]
    [InlineData("/trajectories", "{\"task\": \"cancel\", \"success\": true}")]
    [InlineData("/trajectories", "{\"task\": \"cancel\", \"calls\": [], }")]
    [InlineData("/trajectories", "{\"task\": \"cancel\", \"calls\": []}")]
    [InlineData("/trajectories", "{\"task\": \"cancel\", \"calls\": [{\"name\": \"no_such_tool\", \"arguments\": {}}], \"success\": true}")]
    [InlineData("/trajectories", "{\"task\": \"cancel\", \"calls\": [{\"name\": \"get_order_details\"}], \"success\": true}")]
    [InlineData("/trajectories", "{\"task\": \"cancel\", \"calls\": [{\"name\": \"get_order_details\", \"arguments\": {\"order_id\": 5}}], \"success\": true}")]
    [InlineData("/trajectories", "{\"task\": \"cancel\", \"calls\": [null], \"success\": true}")]
    [InlineData("/procedures/1/outcome", "{\"notes\": \"no success\"}")]
    [InlineData("/procedures/1/outcome", "{\"success\": \"yes\"}")]
    [InlineData("/procedures/1/outcome", "")]
    [InlineData("/procedures/one/outcome", "{\"success\": true}")]
    public async Task BadInput_Gets400WithAOneLineReason_AndChangesNothing(string path, string body)
    {
        await using var api = await RunningApi.StartAsync(library);
        var before = api.CountsOnDisk();
        using var response = await api.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string reason = (await Json(response)).GetProperty("error").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain('\n', reason);
        Assert.DoesNotContain("System.", reason, StringComparison.Ordinal);
        Assert.Equal(before, api.CountsOnDisk());
    }

    [Fact]
    public async Task UnknownProcedure_Gets404_ForReadAndOutcome()
    {
        await using var api = await RunningApi.StartAsync(library);
        using var read = await api.Client.GetAsync("/procedures/999999");
        using var outcome = await api.Client.PostAsJsonAsync("/procedures/999999/outcome", new { success = true });
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outcome.StatusCode);
        Assert.Contains("999999", (await Json(outcome)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task ApiKey_IsRequiredForWrites_NotForReads()
    {
        await using var api = await RunningApi.StartAsync(library, Key);
        int id = api.Memory.List()[0].Id;
        int uses = api.Memory.Get(id).Uses;

        using var without = await api.Client.PostAsJsonAsync($"/procedures/{id}/outcome", new { success = true });
        using var wrong = await Post(api.Client, $"/procedures/{id}/outcome", new { success = true }, Key + "x");
        using var recall = await api.Client.PostAsJsonAsync("/procedures/recall", new { task = "cancel an order" });
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, recall.StatusCode);
        Assert.Contains(ProceduralMemoryApiOptions.ApiKeyHeader, (await Json(without)).GetProperty("error").GetString());
        Assert.Equal(uses, api.Memory.Get(id).Uses);

        using var with = await Post(api.Client, $"/procedures/{id}/outcome", new { success = true }, Key);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(uses + 1, api.Memory.Get(id).Uses);
        using var read = await api.Client.GetAsync($"/procedures/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://192.168.1.5:5080")]
    [InlineData("http://127.0.0.1:5080;http://example.com:5080")]
    public void NonLoopbackAddress_WithoutAKey_IsRefused(string urls)
    {
        var error = Assert.Throws<ArgumentException>(() => ProceduralMemoryApiHost.CheckUrls(urls, apiKey: null));
        Assert.Contains("loopback", error.Message);
        Assert.Equal(urls.Split(';').Length, ProceduralMemoryApiHost.CheckUrls(urls, Key).Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void LoopbackAddress_NeedsNoKey(string urls) =>
        Assert.Single(ProceduralMemoryApiHost.CheckUrls(urls, apiKey: null));

    [Fact]
    public async Task ConcurrentClients_PostingOutcomes_LoseNoUpdate()
    {
        const int clients = 16;
        const int posts = 25;
        await using var api = await RunningApi.StartAsync(library);
        int[] ids = [.. api.Memory.List().Select(p => p.Id)];
        var before = api.CountsOnDisk().ToDictionary(c => c.Id);

        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = api.Address };
            for (int i = 0; i < posts; i++)
            {
                using var response = await client.PostAsJsonAsync($"/procedures/{ids[(c + i) % ids.Length]}/outcome", new { success = i % 2 == 0 });
                response.EnsureSuccessStatusCode();
            }
        })));

        var after = api.CountsOnDisk().ToDictionary(c => c.Id);
        foreach (int id in ids)
        {
            int expectedUses = Enumerable.Range(0, clients).Sum(c => Enumerable.Range(0, posts).Count(i => ids[(c + i) % ids.Length] == id));
            int expectedSuccesses = Enumerable.Range(0, clients).Sum(c => Enumerable.Range(0, posts).Count(i => ids[(c + i) % ids.Length] == id && i % 2 == 0));
            Assert.Equal(before[id].Uses + expectedUses, after[id].Uses);
            Assert.Equal(before[id].Successes + expectedSuccesses, after[id].Successes);
        }
        Assert.Equal(clients * posts, after.Values.Sum(c => c.Uses) - before.Values.Sum(c => c.Uses));
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(ProceduralMemoryApiOptions.ApiKeyHeader, key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> GetJson(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
