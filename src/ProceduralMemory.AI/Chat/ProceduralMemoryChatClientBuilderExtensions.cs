using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Memory;

namespace ProceduralMemory.AI.Chat;

/// <summary>Adds procedural memory to a chat-client pipeline.</summary>
public static class ProceduralMemoryChatClientBuilderExtensions
{
    /// <summary>
    /// Adds a <see cref="ProceduralMemoryChatClient"/> over <paramref name="memory"/> to the pipeline: procedures recalled
    /// into each request, tool calls recorded per conversation. Place it before <c>UseFunctionInvocation()</c> to see a
    /// whole turn at once, or after it to see every round trip; both record the same calls.
    /// </summary>
    public static ChatClientBuilder UseProceduralMemory(this ChatClientBuilder builder, ProcedureMemory memory,
        ProceduralMemoryChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(memory);
        return builder.Use(inner => new ProceduralMemoryChatClient(inner, memory, options));
    }

    /// <summary>
    /// Reports the outcome of <paramref name="conversation"/> to the <see cref="ProceduralMemoryChatClient"/> in
    /// <paramref name="client"/>'s pipeline (see <see cref="ProceduralMemoryChatClient.ReportOutcomeAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The pipeline has no procedural memory.</exception>
    public static Task<RecordingResult> ReportOutcomeAsync(this IChatClient client, string conversation, bool success,
        string? notes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ProceduralMemoryChatClient memory = client.GetService<ProceduralMemoryChatClient>()
            ?? throw new InvalidOperationException("this chat client has no procedural memory: add it with UseProceduralMemory");
        return memory.ReportOutcomeAsync(conversation, success, notes, cancellationToken);
    }
}
