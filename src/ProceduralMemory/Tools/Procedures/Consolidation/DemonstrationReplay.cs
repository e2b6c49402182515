using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tools.Procedures.Consolidation;

/// <summary>
/// Whether a procedure reproduces a recorded demonstration: run on the demonstration's own instruction against its
/// recorded results (<see cref="RecordedToolEnvironment"/>, which answers only the calls made then, exactly as made),
/// it completes, so every call it made, its state change included, is one the demonstration made. A consolidation
/// refuses to let a merged procedure lose a demonstration a member reproduced.
/// </summary>
public sealed class DemonstrationReplay
{
    private readonly IReadOnlyList<ToolDefinition> tools;
    private readonly int maxCalls;

    /// <summary>Replays on <paramref name="tools"/>, at most <paramref name="maxCalls"/> calls per run (the agent's budget).</summary>
    public DemonstrationReplay(IReadOnlyList<ToolDefinition> tools, int maxCalls = 60)
    {
        this.tools = tools ?? throw new ArgumentNullException(nameof(tools));
        this.maxCalls = maxCalls;
    }

    /// <summary>
    /// True when <paramref name="procedure"/>, run for one of the clauses of <paramref name="demonstration"/>'s instruction
    /// (as an agent runs it), completes on the demonstration's recorded results; false when it completes for none, or when
    /// the demonstration has no recorded results.
    /// </summary>
    public bool Reproduces(Procedure procedure, ToolDemonstration demonstration)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(demonstration);
        if (demonstration.RecordedTrajectory() is not { } trajectory)
            return false;
        var environment = new RecordedToolEnvironment(tools, [new TraceRecord(demonstration, trajectory, true)]);
        environment.Reset(new ToolTask(demonstration.Source, demonstration.Instruction, [], []));
        var runner = new ProcedureRunner(environment, maxCalls);
        return TextMentions.Clauses(demonstration.Instruction)
            .Any(clause => runner.Run(procedure, clause.Text, demonstration.Instruction).Completed);
    }
}
