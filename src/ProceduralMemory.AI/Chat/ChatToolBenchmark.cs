using System.Globalization;
using Microsoft.Extensions.AI;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Evaluation;

namespace ProceduralMemory.AI.Chat;

/// <summary>
/// Runs a language model on held-out tool tasks twice, as a <see cref="ChatToolAgent"/> with procedural memory and
/// as one without, each task a fresh conversation on a fresh state, scored as <see cref="ToolBenchmark"/> scores its
/// agents. The run with memory reports each task's outcome as it ends, so the memory it starts with (learned from
/// the train tasks by the caller) grows with the successes of the run.
/// </summary>
public static class ChatToolBenchmark
{
    /// <summary>Runs both agents on <paramref name="test"/>: first without memory, then with.</summary>
    /// <param name="model">The model; not disposed.</param>
    /// <param name="modelName">How the model is named in the result.</param>
    /// <param name="createEnvironment">Makes the environment the tasks run on.</param>
    /// <param name="test">The held-out tasks.</param>
    /// <param name="memory">The procedural memory the agent with memory starts from.</param>
    /// <param name="options">How the agents converse.</param>
    /// <param name="progress">Receives a line per task.</param>
    /// <param name="cancellationToken">Stops between and during requests.</param>
    public static async Task<ChatToolBenchmarkResult> RunAsync(IChatClient model, string modelName, Func<IToolEnvironment> createEnvironment,
        IReadOnlyList<ToolTask> test, ProcedureMemory memory, ChatToolAgentOptions? options = null, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(createEnvironment);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(memory);
        int procedures = memory.List().Count;
        ChatToolRun without = await RunAsync(new ChatToolAgent(model, null, options), createEnvironment(), test, "without memory", progress, cancellationToken).ConfigureAwait(false);
        ChatToolRun with = await RunAsync(new ChatToolAgent(model, memory, options), createEnvironment(), test, "with memory", progress, cancellationToken).ConfigureAwait(false);
        return new ChatToolBenchmarkResult(modelName, procedures, with, without);
    }

    private static async Task<ChatToolRun> RunAsync(ChatToolAgent agent, IToolEnvironment environment, IReadOnlyList<ToolTask> test, string name,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var scores = new List<ToolTaskScore>(test.Count);
        foreach (ToolTask task in test)
        {
            ToolTaskScore score = ToolTaskScore.Of(await agent.SolveAsync(environment, task, cancellationToken).ConfigureAwait(false), environment.Tools);
            scores.Add(score);
            progress?.Report(string.Create(CultureInfo.InvariantCulture,
                $"model {name}: task {scores.Count}/{test.Count} {task.Id} {(score.Success ? "done" : "not done")} ({score.Calls} calls); {scores.Count(s => s.Success)} done so far, {agent.Requests} requests"));
        }
        return new ChatToolRun(ToolScores.Of(scores), scores, agent.Requests, agent.InputTokens, agent.OutputTokens, agent.Learned);
    }
}
