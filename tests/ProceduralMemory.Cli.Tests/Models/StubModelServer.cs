using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ProceduralMemory.Cli.Tests.Models;

/// <summary>
/// A chat server on loopback (Kestrel, a free port) that plays a scripted model in some provider's wire format: each
/// request's messages are read back into Microsoft.Extensions.AI messages and answered by the model, and the reply is
/// written back in that format. What the provider's real client library sends is what the model sees, so nothing on
/// the client's side is replaced. A wire format is a subclass: its route, and how it reads a request and writes a reply.
/// </summary>
internal abstract class StubModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int requests;

    protected StubModelServer(IChatClient model, string route)
    {
        Model = model;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // A line per request would bury the test's own output.
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost(route, (HttpRequest request) =>
        {
            Interlocked.Increment(ref requests);
            return ServeAsync(request);
        });
    }

    /// <summary>The server's address, http://127.0.0.1:PORT.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Requests served.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>The scripted model that answers each request.</summary>
    protected IChatClient Model { get; }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Starts listening; the address is known from then on.</summary>
    protected async Task StartAsync()
    {
        await app.StartAsync();
        Address = app.Urls.Single().TrimEnd('/');
    }

    /// <summary>Answers one request of the wire format.</summary>
    protected abstract Task<IResult> ServeAsync(HttpRequest request);
}
