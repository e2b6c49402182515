using Microsoft.Extensions.AI;

namespace ProceduralMemory.AI.Chat;

/// <summary>Counts the requests that reach the model and the tokens the server says they used.</summary>
internal sealed class CountingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    private int requests;
    private long inputTokens;
    private long outputTokens;

    public int Requests => Volatile.Read(ref requests);

    public long InputTokens => Interlocked.Read(ref inputTokens);

    public long OutputTokens => Interlocked.Read(ref outputTokens);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref requests);
        ChatResponse response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref inputTokens, response.Usage?.InputTokenCount ?? 0);
        Interlocked.Add(ref outputTokens, response.Usage?.OutputTokenCount ?? 0);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref requests);
        return base.GetStreamingResponseAsync(messages, options, cancellationToken);
    }
}
