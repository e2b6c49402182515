using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Memory;

namespace ProceduralMemory.AI.Chat;

/// <summary>
/// A chat-client middleware that gives the model behind it procedural memory: before each request it recalls the
/// procedures that fit the latest user message and puts them before the model as a system message
/// (<see cref="ProcedureGuidance"/>); it records the function calls and results that pass through, in requests and in
/// responses (so also those <see cref="FunctionInvokingChatClient"/> runs on either side of it), as a trajectory per
/// conversation; <see cref="ReportOutcomeAsync"/> turns a conversation's trajectory into a demonstration the library
/// learns from, or a failure of the procedures it followed.
/// </summary>
/// <remarks>
/// A conversation is named by <see cref="ConversationKey"/> in <see cref="ChatOptions.AdditionalProperties"/>, else by
/// <see cref="ChatOptions.ConversationId"/>, else it is <see cref="ProceduralMemoryChatOptions.DefaultConversation"/>.
/// The guidance is added to the request only, never to the caller's message list or the response, so a history the
/// caller keeps holds no stale guidance.
/// </remarks>
public sealed class ProceduralMemoryChatClient : DelegatingChatClient
{
    /// <summary>The <see cref="ChatOptions.AdditionalProperties"/> key that names a request's conversation.</summary>
    public const string ConversationKey = "procmem.conversation";

    private readonly Dictionary<string, ConversationTrajectory> conversations = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>A middleware over <paramref name="innerClient"/> recalling from and recording into <paramref name="memory"/>.</summary>
    public ProceduralMemoryChatClient(IChatClient innerClient, ProcedureMemory memory, ProceduralMemoryChatOptions? options = null)
        : base(innerClient)
    {
        Memory = memory ?? throw new ArgumentNullException(nameof(memory));
        Options = options ?? new ProceduralMemoryChatOptions();
        if (Options.MaxProcedures < 1)
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxProcedures must be at least 1, not {Options.MaxProcedures}");
    }

    /// <summary>The memory procedures are recalled from and trajectories recorded into.</summary>
    public ProcedureMemory Memory { get; }

    /// <summary>How procedures are recalled.</summary>
    public ProceduralMemoryChatOptions Options { get; }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        string conversation = ConversationOf(options);
        List<ChatMessage> request = Prepare(conversation, messages);
        ChatResponse response = await base.GetResponseAsync(request, options, cancellationToken).ConfigureAwait(false);
        Observe(conversation, response.Messages.SelectMany(m => m.Contents));
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string conversation = ConversationOf(options);
        List<ChatMessage> request = Prepare(conversation, messages);
        await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(request, options, cancellationToken).ConfigureAwait(false))
        {
            Observe(conversation, update.Contents);
            yield return update;
        }
    }

    /// <summary>The calls recorded so far in <paramref name="conversation"/>, in the order they were made.</summary>
    public IReadOnlyList<RecordedCall> TrajectoryOf(string conversation)
    {
        lock (gate)
            return conversations.TryGetValue(conversation, out var trajectory) ? trajectory.Calls() : [];
    }

    /// <summary>
    /// Ends <paramref name="conversation"/>: records its trajectory for the task its first user message asked, as a
    /// success (a demonstration procedures are induced from) or a failure (of every stored procedure it followed), and
    /// forgets it.
    /// </summary>
    /// <param name="conversation">The conversation's name (see the remarks on the class).</param>
    /// <param name="success">Whether the task was done.</param>
    /// <param name="notes">What the caller observed; not stored yet.</param>
    /// <param name="cancellationToken">Cancels before the library is written.</param>
    /// <exception cref="ProcedureRequestException">The conversation is unknown, or a call breaks its tool's schema.</exception>
    public Task<RecordingResult> ReportOutcomeAsync(string conversation, bool success, string? notes = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        cancellationToken.ThrowIfCancellationRequested();
        ConversationTrajectory? trajectory;
        lock (gate)
            conversations.TryGetValue(conversation, out trajectory);
        if (trajectory?.Task is not { } task)
            throw new ProcedureRequestException($"no conversation '{conversation}' has passed through this client", notFound: true);
        IReadOnlyList<RecordedCall> calls;
        lock (gate)
            calls = trajectory.Calls();
        RecordingResult result = Memory.Record(task, calls, success);
        lock (gate)
            conversations.Remove(conversation);
        return Task.FromResult(result);
    }

    private string ConversationOf(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(ConversationKey, out object? name) == true && name is string text ? text
        : options?.ConversationId ?? Options.DefaultConversation;

    // Records what the caller sends (results of calls run outside, a history replayed) and adds the guidance for the latest user message.
    private List<ChatMessage> Prepare(string conversation, IEnumerable<ChatMessage> messages)
    {
        List<ChatMessage> request = [.. messages];
        string? latest = request.LastOrDefault(m => m.Role == ChatRole.User)?.Text;
        lock (gate)
        {
            ConversationTrajectory trajectory = TrajectoryFor(conversation);
            trajectory.SeeTask(request.FirstOrDefault(m => m.Role == ChatRole.User)?.Text);
            trajectory.See(request.SelectMany(m => m.Contents));
        }
        if (string.IsNullOrWhiteSpace(latest))
            return request;
        IReadOnlyList<RecalledProcedure> recalled = Memory.Recall(latest, Options.MaxProcedures, Options.SimilarityFloor);
        if (recalled.Count == 0)
            return request;
        // After the caller's own system messages, so its instructions come first and the guidance is about this task.
        int at = request.FindIndex(m => m.Role != ChatRole.System);
        request.Insert(at < 0 ? request.Count : at, new ChatMessage(ChatRole.System, ProcedureGuidance.Render(recalled, Options.IncludeProcedureJson)));
        return request;
    }

    private void Observe(string conversation, IEnumerable<AIContent> contents)
    {
        lock (gate)
            TrajectoryFor(conversation).See(contents);
    }

    private ConversationTrajectory TrajectoryFor(string conversation)
    {
        if (!conversations.TryGetValue(conversation, out var trajectory))
            conversations[conversation] = trajectory = new ConversationTrajectory();
        return trajectory;
    }
}
