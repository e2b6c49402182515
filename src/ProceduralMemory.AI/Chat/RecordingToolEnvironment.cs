using ProceduralMemory.Tools;

namespace ProceduralMemory.AI.Chat;

/// <summary>An environment that keeps every call made through it and its result, for scoring the episode.</summary>
internal sealed class RecordingToolEnvironment(IToolEnvironment inner) : IToolEnvironment
{
    private readonly List<ToolStep> steps = [];

    public IReadOnlyList<ToolDefinition> Tools => inner.Tools;

    /// <summary>The calls since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<ToolStep> Steps => steps;

    public void Reset(ToolTask task)
    {
        steps.Clear();
        inner.Reset(task);
    }

    public ToolResult Invoke(ToolCall call)
    {
        ToolResult result = inner.Invoke(call);
        steps.Add(new ToolStep(call, result));
        return result;
    }

    public ToolEvaluation Evaluate(IReadOnlyList<string> toldUser) => inner.Evaluate(toldUser);
}
