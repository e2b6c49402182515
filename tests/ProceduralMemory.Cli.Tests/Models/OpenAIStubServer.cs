using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace ProceduralMemory.Cli.Tests.Models;

/// <summary>
/// An OpenAI-compatible chat server on loopback playing a scripted model: POST /v1/chat/completions, non-streaming, in
/// OpenAI's wire format, tool calls and their results included.
/// </summary>
internal sealed class OpenAIStubServer(IChatClient model) : StubModelServer(model, "/v1/chat/completions")
{
    /// <summary>The base address a client is given: http://127.0.0.1:PORT/v1.</summary>
    public string BaseUrl => Address + "/v1";

    public static async Task<OpenAIStubServer> StartAsync(IChatClient model)
    {
        var server = new OpenAIStubServer(model);
        await server.StartAsync();
        return server;
    }

    protected override async Task<IResult> ServeAsync(HttpRequest request)
    {
        JsonNode body = (await JsonNode.ParseAsync(request.Body))!;
        if (body["stream"]?.GetValue<bool>() == true)
            return Results.BadRequest(new { error = new { message = "this stub serves non-streaming completions only" } });
        List<ChatMessage> messages = [.. body["messages"]!.AsArray().Select(m => ToMessage(m!))];
        ChatResponse response = await Model.GetResponseAsync(messages);
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
