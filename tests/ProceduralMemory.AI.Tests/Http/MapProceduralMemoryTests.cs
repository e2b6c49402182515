using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ProceduralMemory.AI.Http;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.AI.Tests.Http;

/// <summary><see cref="ProceduralMemoryEndpoints.MapProceduralMemory"/> in an app of the user's own, next to its own endpoints.</summary>
public sealed class MapProceduralMemoryTests(RetailLibrary library) : IClassFixture<RetailLibrary>
{
    [Fact]
    public async Task MappedUnderAPrefix_ServesTheApiThere_BesideTheAppsOwnEndpoints()
    {
        using var folder = new TemporaryDirectory();
        using var store = SqliteSkillStore.Open(library.CopyTo(folder.Path), readOnly: false);
        var memory = new ProcedureMemory(store); // no tools: recall, outcomes and reading only
        var metrics = new ProceduralMemoryApiMetrics();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using WebApplication app = builder.Build();
        app.MapGet("/", () => "the user's own app");
        app.MapGroup("/memory").MapProceduralMemory(memory, new ProceduralMemoryApiOptions { Metrics = metrics });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.Equal("the user's own app", await client.GetStringAsync("/"));
        using JsonDocument health = JsonDocument.Parse(await client.GetStringAsync("/memory/health"));
        Assert.False(health.RootElement.GetProperty("can_record").GetBoolean());
        int id = memory.List()[0].Id;
        using var outcome = await client.PostAsJsonAsync($"/memory/procedures/{id}/outcome", new { success = true });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Equal(1, metrics.Outcomes);
        Assert.Equal(1, metrics.Requests("POST", "/memory/procedures/{id}/outcome", StatusCodes.Status200OK));

        using var record = await client.PostAsJsonAsync("/memory/trajectories", new { task = "cancel", calls = Array.Empty<object>(), success = true });
        Assert.Equal(HttpStatusCode.BadRequest, record.StatusCode);
        Assert.Contains("tool definitions", await record.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/procedures")).StatusCode);
        await app.StopAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task JsonBody_IsReadWhateverContentTypeTheClientSent(string? contentType)
    {
        await using var api = await RunningApi.StartAsync(library);
        int id = api.Memory.List()[0].Id;
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"success\": true}"));
        if (contentType is not null)
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var response = await api.Client.PostAsync($"/procedures/{id}/outcome", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
