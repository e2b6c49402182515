namespace ProceduralMemory.Tools;

/// <summary>
/// A world an agent acts on through tools (the tool-use counterpart of <see cref="Environments.IEnvironment"/>): its
/// tools, a call, and at the end of an episode a state-based evaluation of the task. A user implements it to give
/// procmem their own tools.
/// </summary>
public interface IToolEnvironment
{
    /// <summary>Every tool, in a stable order.</summary>
    IReadOnlyList<ToolDefinition> Tools { get; }

    /// <summary>Starts an episode of <paramref name="task"/> on a fresh copy of the world's state.</summary>
    void Reset(ToolTask task);

    /// <summary>Runs <paramref name="call"/> against the current state. Bad arguments give an error result, never an exception.</summary>
    ToolResult Invoke(ToolCall call);

    /// <summary>Judges the episode: is the state what the task's ground-truth calls give, and did the answer say what it must.</summary>
    /// <param name="toldUser">What the agent told the user.</param>
    ToolEvaluation Evaluate(IReadOnlyList<string> toldUser);
}
