using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Agents;

namespace ProceduralMemory.AI.Chat;

/// <summary>
/// A language-model agent for tool tasks: each task is one conversation (the system prompt, then the task's
/// instruction as the user's message) in which the model calls the environment's tools through
/// <see cref="FunctionInvokingChatClient"/>; what the model wrote to the user is what the task's answer is judged by.
/// Given a <see cref="ProcedureMemory"/>, the pipeline carries the procedural-memory middleware (procedures recalled
/// into the conversation, its calls recorded) and, when <see cref="ChatToolAgentOptions.ReportOutcomes"/> is on,
/// each conversation's outcome is reported when it ends, so the memory learns across the tasks the agent is given.
/// </summary>
public sealed class ChatToolAgent
{
    private readonly IChatClient client;
    private readonly CountingChatClient counter;
    private readonly ChatToolAgentOptions options;
    private int conversations;

    /// <summary>An agent over <paramref name="model"/>, with procedural memory when <paramref name="memory"/> is given.</summary>
    /// <param name="model">The model; not disposed by the agent.</param>
    /// <param name="memory">The procedural memory, or null for the agent without it.</param>
    /// <param name="options">Options.</param>
    public ChatToolAgent(IChatClient model, ProcedureMemory? memory = null, ChatToolAgentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        this.options = options ?? new ChatToolAgentOptions();
        if (this.options.MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(options), $"MaxIterations must be at least 1, not {this.options.MaxIterations}");
        counter = new CountingChatClient(model);
        var builder = new ChatClientBuilder(counter);
        // Outside function invocation, the memory sees the whole turn and recalls once per conversation.
        if (memory is not null)
            builder.UseProceduralMemory(memory, this.options.Memory);
        builder.UseFunctionInvocation(configure: f =>
        {
            // The tool's own error (an unknown order, a bad payment method) is what lets a model correct its call.
            f.IncludeDetailedErrors = true;
            f.MaximumIterationsPerRequest = this.options.MaxIterations;
            f.MaximumConsecutiveErrorsPerRequest = this.options.MaxConsecutiveErrors;
        });
        client = builder.Build();
        HasMemory = memory is not null;
    }

    /// <summary>True when the agent has procedural memory.</summary>
    public bool HasMemory { get; }

    /// <summary>Requests that reached the model so far.</summary>
    public int Requests => counter.Requests;

    /// <summary>Input tokens the server reported so far (0 from a server that reports none).</summary>
    public long InputTokens => counter.InputTokens;

    /// <summary>Output tokens the server reported so far.</summary>
    public long OutputTokens => counter.OutputTokens;

    /// <summary>Procedures the memory learned from the outcomes reported so far (new ones, not demonstrations of stored ones).</summary>
    public int Learned { get; private set; }

    /// <summary>Outcomes the memory refused to record (a call that broke its tool's schema), so far.</summary>
    public int RefusedReports { get; private set; }

    /// <summary>Carries out <paramref name="task"/> on <paramref name="environment"/> as one conversation and judges it.</summary>
    /// <exception cref="HttpRequestException">The model's server could not be reached (or the client library's own exception for a refused request).</exception>
    public async Task<ToolEpisode> SolveAsync(IToolEnvironment environment, ToolTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(task);
        var recording = new RecordingToolEnvironment(environment);
        recording.Reset(task);
        // Named per run, so the same task given twice is two conversations.
        string conversation = $"{task.Id}#{++conversations}";
        var chatOptions = new ChatOptions
        {
            Tools = [.. ToolEnvironmentFunction.All(recording)],
            ToolMode = ChatToolMode.Auto,
            Temperature = options.Temperature,
            Seed = options.Seed,
            AdditionalProperties = new() { [ProceduralMemoryChatClient.ConversationKey] = conversation },
        };
        List<ChatMessage> messages = [new(ChatRole.System, options.SystemPrompt), new(ChatRole.User, task.Instruction)];
        List<string> told = [];
        try
        {
            ChatResponse response = await client.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            told.AddRange(response.Messages.Where(m => m.Role == ChatRole.Assistant && !string.IsNullOrWhiteSpace(m.Text)).Select(m => m.Text));
        }
        catch (ToolCallFailedException)
        {
            // Too many failed calls in a row: the conversation ends where it stands, judged as it is.
        }
        ToolEvaluation evaluation = recording.Evaluate(told);
        if (HasMemory && options.ReportOutcomes)
            await ReportAsync(conversation, evaluation.Success, cancellationToken).ConfigureAwait(false);
        return new ToolEpisode(task, [.. recording.Steps], [], evaluation);
    }

    private async Task ReportAsync(string conversation, bool success, CancellationToken cancellationToken)
    {
        try
        {
            RecordingResult result = await client.ReportOutcomeAsync(conversation, success, cancellationToken: cancellationToken).ConfigureAwait(false);
            Learned += result.Learned.Count(l => l.Created);
        }
        catch (ProcedureRequestException)
        {
            // A model may call a tool with arguments its schema refuses: such a trajectory teaches nothing, and the run goes on.
            RefusedReports++;
        }
    }
}
