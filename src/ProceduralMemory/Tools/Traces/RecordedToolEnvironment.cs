namespace ProceduralMemory.Tools.Traces;

/// <summary>
/// The tools of a user's own traces, answered from what the traces recorded: a call made in a trace of the task at
/// hand gets the result it got then; anything else gets an error. It lets procedures be induced from a user's traces
/// of tools procmem cannot run itself (look-ups are explained from the recorded results). It cannot judge an episode:
/// <see cref="Evaluate"/> reports the state as unknown (not matching).
/// </summary>
public sealed class RecordedToolEnvironment : IToolEnvironment
{
    private readonly Dictionary<string, List<ToolStep>> byInstruction = new(StringComparer.Ordinal);
    private List<ToolStep> current = [];

    /// <summary>An environment with <paramref name="tools"/> answering from the trajectories of <paramref name="records"/>.</summary>
    public RecordedToolEnvironment(IReadOnlyList<ToolDefinition> tools, IEnumerable<TraceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        Tools = tools ?? throw new ArgumentNullException(nameof(tools));
        foreach (TraceRecord record in records)
        {
            if (record.Trajectory is null)
                continue;
            if (!byInstruction.TryGetValue(record.Demonstration.Instruction, out var steps))
                byInstruction[record.Demonstration.Instruction] = steps = [];
            steps.AddRange(record.Trajectory.Steps);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ToolDefinition> Tools { get; }

    /// <inheritdoc />
    public void Reset(ToolTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        current = byInstruction.GetValueOrDefault(task.Instruction) ?? [];
    }

    /// <inheritdoc />
    public ToolResult Invoke(ToolCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return current.FirstOrDefault(s => s.Call.SameAs(call))?.Result
            ?? ToolResult.Error($"{call.Name} was not called this way in the recorded traces");
    }

    /// <inheritdoc />
    public ToolEvaluation Evaluate(IReadOnlyList<string> toldUser) => new(StateMatches: false, OutputsGiven: false);
}
