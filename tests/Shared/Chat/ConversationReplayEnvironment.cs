using Microsoft.Extensions.AI;
using ProceduralMemory.Tools;

namespace ProceduralMemory.Tests.Shared;

/// <summary>
/// How a scripted model "runs" a procedure without touching the world: the calls it made earlier in the conversation
/// are answered from their results in the history, in order; the first call not yet made is thrown as
/// <see cref="CallNeeded"/>, for the model to ask the client for it.
/// </summary>
internal sealed class ConversationReplayEnvironment : IToolEnvironment
{
    private readonly List<(ToolCall Call, ToolResult Result)> history;
    private int next;

    public ConversationReplayEnvironment(IReadOnlyList<ToolDefinition> tools, IEnumerable<ChatMessage> messages)
    {
        Tools = tools;
        List<ChatMessage> list = [.. messages];
        var results = list.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToDictionary(r => r.CallId);
        history = [.. list.SelectMany(m => m.Contents).OfType<FunctionCallContent>()
            .Where(c => results.ContainsKey(c.CallId))
            .Select(c => (ToCall(c), ToResult(results[c.CallId])))];
    }

    public IReadOnlyList<ToolDefinition> Tools { get; }

    /// <summary>The number of calls made so far.</summary>
    public int CallsMade => history.Count;

    public void Reset(ToolTask task) => next = 0;

    public ToolResult Invoke(ToolCall call)
    {
        if (next == history.Count)
            throw new CallNeeded(call);
        var (made, result) = history[next++];
        // The model is deterministic: given the same results it asks for the same calls in the same order.
        if (!made.SameAs(call))
            throw new InvalidOperationException($"the conversation made {made} where the procedure now calls {call}");
        return result;
    }

    public ToolEvaluation Evaluate(IReadOnlyList<string> toldUser) => new(false, false);

    private static ToolCall ToCall(FunctionCallContent call) =>
        new(call.Name, System.Text.Json.JsonSerializer.SerializeToElement(call.Arguments, AIJsonUtilities.DefaultOptions));

    // A model sees an error as the text the function-invoking client wrote for it.
    private static ToolResult ToResult(FunctionResultContent result)
    {
        string text = result.Result as string ?? System.Text.Json.JsonSerializer.Serialize(result.Result, AIJsonUtilities.DefaultOptions);
        return new ToolResult(text, text.StartsWith("Error", StringComparison.Ordinal));
    }

    /// <summary>The next call the procedure makes, which the conversation has not made yet.</summary>
    public sealed class CallNeeded(ToolCall call) : Exception($"{call} is needed")
    {
        public ToolCall Call { get; } = call;
    }
}
