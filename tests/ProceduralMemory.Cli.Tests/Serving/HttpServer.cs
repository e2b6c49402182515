using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProceduralMemory.Cli.Tests.Serving;

/// <summary>
/// A <c>procmem serve</c> process of its own on a free loopback port, found from the address it prints, and an
/// <see cref="HttpClient"/> pointed at it.
/// </summary>
internal sealed class HttpServer : IDisposable
{
    private readonly ProcmemProcess process;

    private HttpServer(ProcmemProcess process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>Where the server listens.</summary>
    public Uri Address { get; }

    /// <summary>A client of the server.</summary>
    public HttpClient Client { get; }

    /// <summary>What the server wrote so far (standard error's lines prefixed with <c>stderr: </c>).</summary>
    public IReadOnlyList<string> Lines => process.Lines;

    /// <summary>Serves <paramref name="library"/> (created for the retail tools if it does not exist), recording retail trajectories.</summary>
    public static Task<HttpServer> Start(string library) =>
        StartWith("--library", library, "--domain", "tau-retail", "--data", RetailLibrary.Data);

    /// <summary>Runs <c>procmem serve</c> with <paramref name="options"/> on <c>http://127.0.0.1:0</c> and waits until it listens.</summary>
    public static async Task<HttpServer> StartWith(params string[] options)
    {
        var process = ProcmemProcess.Start(["serve", .. options, "--urls", "http://127.0.0.1:0"]);
        string? address = null;
        for (var waited = Stopwatch.StartNew(); address is null && waited.Elapsed < TimeSpan.FromSeconds(60); await Task.Delay(50))
            address = process.Lines.FirstOrDefault(l => l.StartsWith("listening on ", StringComparison.Ordinal))?.Split(' ')[2];
        if (address is null)
        {
            process.Dispose();
            Assert.Fail("procmem serve printed no address: " + string.Join('\n', process.Lines));
        }
        return new HttpServer(process, new Uri(address));
    }

    /// <summary>Posts <paramref name="body"/> as JSON to <paramref name="path"/>, which must succeed; returns the answer's JSON.</summary>
    public async Task<JsonElement> Post(string path, object body)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync(path, body);
        return await Answer(response, "POST " + path);
    }

    /// <summary>Gets <paramref name="path"/>, which must succeed; returns the answer's JSON.</summary>
    public async Task<JsonElement> Get(string path)
    {
        using HttpResponseMessage response = await Client.GetAsync(path);
        return await Answer(response, "GET " + path);
    }

    private async Task<JsonElement> Answer(HttpResponseMessage response, string request)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{request}: {(int)response.StatusCode} {text}\n{string.Join('\n', Lines)}");
        using JsonDocument document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Kills the server: every answer it gave was committed first, so the library holds all it reported.</summary>
    public void Dispose()
    {
        Client.Dispose();
        process.Dispose();
    }
}
