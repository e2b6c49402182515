using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProceduralMemory.AI.Memory;

namespace ProceduralMemory.AI.Http;

/// <summary>
/// A ready web server for the HTTP API (what <c>procmem serve</c> runs): Kestrel on the given addresses, the endpoints of
/// <see cref="ProceduralMemoryEndpoints"/>, and the OpenAPI document at <c>/openapi/v1.json</c>. Loopback by default;
/// bound to any other address it refuses to start without an API key.
/// </summary>
public static class ProceduralMemoryApiHost
{
    /// <summary>The address served when none is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// A web app, not yet started, serving <paramref name="memory"/> on <paramref name="urls"/> (one or more
    /// <c>http(s)://host:port</c> separated by ';'; port 0 picks a free port, read back from <c>app.Urls</c> once started).
    /// </summary>
    /// <exception cref="ArgumentException">A URL is not an absolute http(s) address, or one is not loopback and no API key is given.</exception>
    public static WebApplication Create(ProcedureMemory memory, string urls = DefaultUrl, string? apiKey = null, ProceduralMemoryApiMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(memory);
        IReadOnlyList<string> addresses = CheckUrls(urls, apiKey);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        // The command prints its own address; the framework's log lines would mix into its output.
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. addresses]);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = ProcedureJson.Options.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = ProcedureJson.Options.DefaultIgnoreCondition;
        });
        builder.Services.AddOpenApi();
        WebApplication app = builder.Build();
        app.MapOpenApi();
        app.MapProceduralMemory(memory, new ProceduralMemoryApiOptions { ApiKey = apiKey, Metrics = metrics ?? new ProceduralMemoryApiMetrics() });
        return app;
    }

    /// <summary>The addresses of <paramref name="urls"/>, checked: absolute http(s), and loopback unless there is an API key.</summary>
    /// <exception cref="ArgumentException">As <see cref="Create"/>.</exception>
    public static IReadOnlyList<string> CheckUrls(string urls, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(urls);
        string[] addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addresses.Length == 0)
            throw new ArgumentException("no URL to listen on: give one like " + DefaultUrl);
        foreach (string address in addresses)
        {
            if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.AbsolutePath != "/" || uri.Host.Length == 0)
                throw new ArgumentException($"'{address}' is not an address to listen on: give one like {DefaultUrl}");
            if (apiKey is null && !IsLoopback(uri))
                throw new ArgumentException($"{address} is not a loopback address: give an API key (writes then need it) or listen on 127.0.0.1");
        }
        return addresses;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip));
}
