using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using ProceduralMemory.AI.Http;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Serving;

/// <summary>
/// <c>procmem serve --library LIB [--urls URL] [--api-key KEY] [--domain tau-retail|tau-airline | --tools FILE] [--data DIR]</c>:
/// the HTTP API over a procedure library (<see cref="ProceduralMemoryApiHost"/>), on loopback by default
/// (<see cref="ProceduralMemoryApiHost.DefaultUrl"/>). Prints the address it listens on and serves until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The environment variable that gives the API key instead of <c>--api-key</c>.</summary>
    public const string ApiKeyVariable = "PROCMEM_API_KEY";

    // A key short enough to guess is no protection for a server on the network.
    private const int MinimumKeyLength = 16;

    public static Command Create(CliConsole console)
    {
        var memory = new MemoryOptions();
        var urls = new Option<string>("--urls")
        {
            Description = $"The address(es) to listen on, separated by ';' (default: {ProceduralMemoryApiHost.DefaultUrl}; port 0 picks a free port). Any but loopback needs an API key.",
            DefaultValueFactory = _ => ProceduralMemoryApiHost.DefaultUrl,
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"The key POST requests must carry in the {ProceduralMemoryApiOptions.ApiKeyHeader} header (default: ${ApiKeyVariable}); at least {MinimumKeyLength} characters. Needed to listen beyond loopback.",
        };
        var command = new Command("serve", "Serve a procedure library over HTTP: recall, record trajectories, report outcomes, list and read procedures (JSON, with an OpenAPI document).")
        {
            urls, apiKey,
        };
        memory.AddTo(command);
        command.SetAction((parsed, cancel) => Run(console, memory, parsed, parsed.GetRequiredValue(urls),
            parsed.GetValue(apiKey) ?? (Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null), cancel));
        return command;
    }

    private static async Task<int> Run(CliConsole console, MemoryOptions options, ParseResult parsed, string urls, string? apiKey, CancellationToken cancel)
    {
        if (apiKey is not null && apiKey.Trim().Length < MinimumKeyLength)
            throw new UsageException($"the API key must have at least {MinimumKeyLength} characters (from --api-key or ${ApiKeyVariable}).");
        if (parsed.GetValue(options.Data) is not null && parsed.GetValue(options.Domain) is null)
            throw new UsageException("--data gives the files of a --domain: give --domain too, or leave --data out.");
        try
        {
            ProceduralMemoryApiHost.CheckUrls(urls, apiKey);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        var (store, memory) = options.Open(parsed);
        using ISkillStore _ = store;
        await using WebApplication app = ProceduralMemoryApiHost.Create(memory, urls, apiKey);
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e)
        {
            // Kestrel reports an address in use (or not available here) this way.
            throw new UsageException($"cannot listen on {urls}: {e.Message}");
        }
        console.Out.WriteLine($"procmem serve: {memory.List().Count} procedures{(memory.CanRecord ? "" : " (recall, outcomes and reading only: give --domain or --tools to record trajectories)")}; writes {(apiKey is null ? "open to this machine" : $"need the {ProceduralMemoryApiOptions.ApiKeyHeader} header")}");
        foreach (string address in app.Urls)
            console.Out.WriteLine($"listening on {address} (Ctrl+C stops)");
        console.Out.Flush();
        await app.WaitForShutdownAsync(cancel);
        return ExitCodes.Ok;
    }
}
