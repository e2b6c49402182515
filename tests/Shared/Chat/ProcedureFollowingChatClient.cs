using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Chat;
using ProceduralMemory.Tools;

namespace ProceduralMemory.Tests.Shared;

/// <summary>
/// Plays a language model that knows only what the conversation shows it: the user's task, the procedures the
/// memory's guidance put before it, and the results of the calls it made. Each turn it follows the procedures from the
/// start against the results so far (<see cref="ConversationReplayEnvironment"/>) and asks for the next call they need;
/// when they need none, it says it is done. With no guidance it has no idea what to call.
/// </summary>
internal sealed class ProcedureFollowingChatClient(IReadOnlyList<ToolDefinition> tools) : IChatClient
{
    public const string NoIdea = "I do not know how to do that.";

    /// <summary>How many requests reached the model, and how many of them carried guidance.</summary>
    public int Requests { get; private set; }

    public int GuidedRequests { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> conversation = [.. messages];
        Requests++;
        var guidance = conversation.Where(m => m.Role == ChatRole.System)
            .SelectMany(m => ProcedureGuidance.Parse(m.Text)).ToList();
        if (guidance.Count > 0)
            GuidedRequests++;
        string task = conversation.First(m => m.Role == ChatRole.User).Text;
        if (guidance.Count == 0)
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, NoIdea)));
        var replay = new ConversationReplayEnvironment(tools, conversation);
        try
        {
            RecalledProcedureFollower.Follow(replay, new ToolTask("conversation", task, [], []),
                RecalledProcedureFollower.Parse(guidance.Select(g => g.Procedure)));
        }
        catch (ConversationReplayEnvironment.CallNeeded needed)
        {
            var arguments = needed.Call.Arguments.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
            var call = new FunctionCallContent($"call_{replay.CallsMade + 1}", needed.Call.Name, arguments);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [call])));
        }
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Done.")));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatResponse response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (ChatResponseUpdate update in response.ToChatResponseUpdates())
            yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
