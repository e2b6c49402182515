using System.Text.Json;
using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Memory;

namespace ProceduralMemory.AI.Chat;

/// <summary>
/// The tool calls of one conversation as they pass through the middleware: each function call once (a client sends
/// the history again with every request, so calls are keyed by their call id), paired with its result when one
/// arrives. Not thread-safe: the owning client locks it.
/// </summary>
internal sealed class ConversationTrajectory
{
    private readonly List<string> order = [];
    private readonly Dictionary<string, FunctionCallContent> calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionResultContent> results = new(StringComparer.Ordinal);

    /// <summary>The first user message of the conversation: the task the trajectory carries out.</summary>
    public string? Task { get; private set; }

    /// <summary>Notes the user's first message, if it is the first seen.</summary>
    public void SeeTask(string? text)
    {
        if (Task is null && !string.IsNullOrWhiteSpace(text))
            Task = text;
    }

    /// <summary>Notes the function calls and results in <paramref name="contents"/>.</summary>
    public void See(IEnumerable<AIContent> contents)
    {
        foreach (AIContent content in contents)
            switch (content)
            {
                case FunctionCallContent call when !calls.ContainsKey(call.CallId):
                    calls[call.CallId] = call;
                    order.Add(call.CallId);
                    break;
                case FunctionResultContent result:
                    results.TryAdd(result.CallId, result);
                    break;
            }
    }

    /// <summary>The calls in the order they were made, with their results as text.</summary>
    public IReadOnlyList<RecordedCall> Calls() => [.. order.Select(id => Recorded(calls[id], results.GetValueOrDefault(id)))];

    private static RecordedCall Recorded(FunctionCallContent call, FunctionResultContent? result)
    {
        JsonElement arguments = JsonSerializer.SerializeToElement(
            call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);
        return new RecordedCall(call.Name, arguments, result is null ? null : TextOf(result.Result), result?.Exception is not null);
    }

    // A tool's result reaches the conversation as whatever the function returned: keep text as it is, write anything else as JSON.
    private static string? TextOf(object? result) => result switch
    {
        null => null,
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
