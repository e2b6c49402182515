using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ProceduralMemory.Cli.Tests.Serving;

/// <summary>
/// A <c>procmem mcp</c> process (the built tool, <c>dotnet procmem.dll mcp</c>) serving a retail library, and the MCP
/// SDK's own client connected to it over stdio.
/// </summary>
internal sealed class McpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> errors;

    private McpServer(McpClient client, ConcurrentQueue<string> errors)
    {
        Client = client;
        this.errors = errors;
    }

    /// <summary>The dotnet host that runs the tests, which runs the tool too.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The SDK client.</summary>
    public McpClient Client { get; }

    /// <summary>The command line after <see cref="Dotnet"/> that serves <paramref name="library"/> for the retail tools.</summary>
    public static string[] Arguments(string library) =>
        [Path.Combine(AppContext.BaseDirectory, "procmem.dll"), "mcp", "--library", library, "--domain", "tau-retail", "--data", RetailLibrary.Data];

    /// <summary>Starts the server on <paramref name="library"/> (created for the retail tools if it does not exist) and connects.</summary>
    public static async Task<McpServer> Start(string library)
    {
        var errors = new ConcurrentQueue<string>();
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "procmem",
            Command = Dotnet,
            Arguments = Arguments(library),
            StandardErrorLines = errors.Enqueue,
        });
        // The tool starts in a process of its own and loads the retail data before it answers: on a loaded CI machine
        // that has taken longer than the client's default minute.
        return new McpServer(await McpClient.CreateAsync(transport, new McpClientOptions { InitializationTimeout = TimeSpan.FromMinutes(5) }), errors);
    }

    /// <summary>Calls <paramref name="tool"/>, which must succeed; returns the JSON of its text result.</summary>
    public async Task<JsonElement> Call(string tool, Dictionary<string, object?> arguments)
    {
        CallToolResult result = await Client.CallToolAsync(tool, arguments);
        string text = Text(result);
        Assert.True(result.IsError != true, $"{tool} failed: {text}\n{string.Join('\n', errors)}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The one text block of <paramref name="result"/>.</summary>
    public static string Text(CallToolResult result) => Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;

    /// <summary>Closes the client, which closes the server's input: the server stops on its own.</summary>
    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
