using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ProceduralMemory.Tools;

namespace ProceduralMemory.AI.Tests.Chat;

/// <summary>
/// Plays a model that already knows how to do one task (a teacher): it asks for the task's ground-truth calls one at a
/// time, as many as the conversation has results for, then says it is done. Its conversations are the demonstrations
/// the middleware records.
/// </summary>
internal sealed class DemonstratingChatClient(ToolTask task) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        int made = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Count();
        if (made == task.Actions.Count)
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Done.")));
        ToolCall next = task.Actions[made];
        var arguments = next.Arguments.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{made + 1}", next.Name, arguments)])));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (ChatResponseUpdate update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
