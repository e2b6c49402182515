using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ProceduralMemory.Cli.Tests.Models;

/// <summary>
/// An OpenAI-compatible chat server on loopback (Kestrel, a free port) that plays a scripted model: POST
/// /v1/chat/completions, non-streaming, in OpenAI's wire format. Each request's messages are read back into
/// Microsoft.Extensions.AI messages (tool calls and their results included) and answered by <paramref name="model"/>;
/// its reply goes back as a chat completion with tool calls or text. What the real OpenAI client library sends is
/// what the model sees, so nothing on the client's side is replaced.
/// </summary>
internal sealed class OpenAIStubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IChatClient model;
    private int requests;

    private OpenAIStubServer(IChatClient model)
    {
        this.model = model;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // A line per request would bury the test's own output.
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/chat/completions", CompleteAsync);
    }

    /// <summary>The base address a client is given: http://127.0.0.1:PORT/v1.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Chat completions served.</summary>
    public int Requests => Volatile.Read(ref requests);

    public static async Task<OpenAIStubServer> StartAsync(IChatClient model)
    {
        var server = new OpenAIStubServer(model);
        await server.app.StartAsync();
        server.BaseUrl = server.app.Urls.Single().TrimEnd('/') + "/v1";
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> CompleteAsync(HttpRequest request)
    {
        Interlocked.Increment(ref requests);
        JsonNode body = (await JsonNode.ParseAsync(request.Body))!;
        if (body["stream"]?.GetValue<bool>() == true)
            return Results.BadRequest(new { error = new { message = "this stub serves non-streaming completions only" } });
        List<ChatMessage> messages = [.. body["messages"]!.AsArray().Select(m => ToMessage(m!))];
        ChatResponse response = await model.GetResponseAsync(messages);
        ChatMessage reply = response.Messages[^1];
        var calls = reply.Contents.OfType<FunctionCallContent>().Select(c => new JsonObject
        {
            ["id"] = c.CallId,
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = c.Name,
                ["arguments"] = JsonSerializer.Serialize(c.Arguments, AIJsonUtilities.DefaultOptions),
            },
        }).ToList();
        var message = new JsonObject { ["role"] = "assistant", ["content"] = calls.Count > 0 ? null : reply.Text };
        if (calls.Count > 0)
            message["tool_calls"] = new JsonArray([.. calls]);
        var completion = new JsonObject
        {
            ["id"] = $"chatcmpl-{Requests}",
            ["object"] = "chat.completion",
            ["created"] = 0,
            ["model"] = body["model"]?.GetValue<string>() ?? "stub",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = calls.Count > 0 ? "tool_calls" : "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 1, ["total_tokens"] = 11 },
        };
        return Results.Content(completion.ToJsonString(), "application/json");
    }

    private static ChatMessage ToMessage(JsonNode message)
    {
        string role = message["role"]!.GetValue<string>();
        string text = TextOf(message["content"]);
        return role switch
        {
            "assistant" when message["tool_calls"] is JsonArray calls => new ChatMessage(ChatRole.Assistant, [.. calls.Select(c => (AIContent)new FunctionCallContent(
                c!["id"]!.GetValue<string>(), c["function"]!["name"]!.GetValue<string>(),
                JsonSerializer.Deserialize<Dictionary<string, object?>>(c["function"]!["arguments"]!.GetValue<string>(), AIJsonUtilities.DefaultOptions)))]),
            "tool" => new ChatMessage(ChatRole.Tool, [new FunctionResultContent(message["tool_call_id"]!.GetValue<string>(), text)]),
            "system" or "developer" => new ChatMessage(ChatRole.System, text),
            "assistant" => new ChatMessage(ChatRole.Assistant, text),
            _ => new ChatMessage(ChatRole.User, text),
        };
    }

    // Content is a string, or an array of parts of which the text ones count.
    private static string TextOf(JsonNode? content) => content switch
    {
        null => "",
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => content.GetValue<string>(),
    };
}
