using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace ProceduralMemory.Cli.Tests.Models;

/// <summary>
/// An Ollama server on loopback playing a scripted model: POST /api/chat in Ollama's own wire format, non-streaming
/// (as OllamaSharp's <c>GetResponseAsync</c> asks). Ollama's messages carry no call
/// ids, so the conversation's calls and results are paired in order, as the function-invoking client appends them.
/// </summary>
internal sealed class OllamaStubServer(IChatClient model) : StubModelServer(model, "/api/chat")
{
    public static async Task<OllamaStubServer> StartAsync(IChatClient model)
    {
        var server = new OllamaStubServer(model);
        await server.StartAsync();
        return server;
    }

    protected override async Task<IResult> ServeAsync(HttpRequest request)
    {
        JsonNode body = (await JsonNode.ParseAsync(request.Body))!;
        if (body["stream"]?.GetValue<bool>() != false)
            return Results.BadRequest(new { error = "this stub serves non-streaming chats only" });
        ChatResponse response = await Model.GetResponseAsync(ToMessages(body["messages"]!.AsArray()));
        ChatMessage reply = response.Messages[^1];
        var calls = reply.Contents.OfType<FunctionCallContent>().Select(c => new JsonObject
        {
            ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = JsonSerializer.SerializeToNode(c.Arguments, AIJsonUtilities.DefaultOptions) },
        }).ToList();
        var message = new JsonObject { ["role"] = "assistant", ["content"] = calls.Count > 0 ? "" : reply.Text };
        if (calls.Count > 0)
            message["tool_calls"] = new JsonArray([.. calls]);
        var chat = new JsonObject
        {
            ["model"] = body["model"]?.GetValue<string>() ?? "stub",
            ["created_at"] = "2026-01-01T00:00:00Z",
            ["message"] = message,
            ["done"] = true,
            ["done_reason"] = "stop",
            ["prompt_eval_count"] = 10,
            ["eval_count"] = 1,
        };
        return Results.Content(chat.ToJsonString(), "application/json");
    }

    private static List<ChatMessage> ToMessages(JsonArray messages)
    {
        var list = new List<ChatMessage>();
        int calls = 0, results = 0;
        foreach (JsonNode? message in messages)
        {
            string role = message!["role"]!.GetValue<string>();
            string text = message["content"]?.GetValue<string>() ?? "";
            list.Add(role switch
            {
                "assistant" when message["tool_calls"] is JsonArray made => new ChatMessage(ChatRole.Assistant, [.. made.Select(c => (AIContent)new FunctionCallContent(
                    $"call-{++calls}", c!["function"]!["name"]!.GetValue<string>(),
                    c["function"]!["arguments"].Deserialize<Dictionary<string, object?>>(AIJsonUtilities.DefaultOptions)))]),
                "tool" => new ChatMessage(ChatRole.Tool, [new FunctionResultContent($"call-{++results}", ResultOf(text))]),
                "system" => new ChatMessage(ChatRole.System, text),
                "assistant" => new ChatMessage(ChatRole.Assistant, text),
                _ => new ChatMessage(ChatRole.User, text),
            });
        }
        return list;
    }

    // OllamaSharp sends a result as a JSON object that also names its call; the model wants the result alone.
    private static string ResultOf(string content)
    {
        try
        {
            if (JsonNode.Parse(content) is JsonObject wrapped
                && wrapped.FirstOrDefault(p => p.Key.Equals("result", StringComparison.OrdinalIgnoreCase)).Value is { } result)
                return result is JsonValue value && value.TryGetValue(out string? text) ? text : result.ToJsonString();
        }
        catch (JsonException)
        {
        }
        return content;
    }
}
