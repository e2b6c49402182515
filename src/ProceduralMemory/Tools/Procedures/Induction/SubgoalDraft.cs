namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// One state-changing call of a demonstration with the look-ups that explain its arguments: a sub-goal, before
/// merging. <see cref="Clause"/> is the part of the instruction it serves; <see cref="Slots"/> what the text gave.
/// </summary>
internal sealed class SubgoalDraft(ToolDemonstration demonstration, string clause, ToolCall call)
{
    public ToolDemonstration Demonstration { get; } = demonstration;

    public string Clause { get; } = clause;

    public ToolCall Call { get; } = call;

    /// <summary>Steps by key, the state-changing one last.</summary>
    public Dictionary<string, StepDraft> Steps { get; } = new(StringComparer.Ordinal);

    /// <summary>The slots' values as the text gave them, by slot name, with their schemas' kind.</summary>
    public Dictionary<string, (string Value, string Kind)> Slots { get; } = new(StringComparer.Ordinal);

    /// <summary>Steps whose results hold one of the call's values without being needed to explain it (the user's
    /// record listing the order), kept so a run can fall back on them when the text lacks a value.</summary>
    public HashSet<string> Witnesses { get; } = new(StringComparer.Ordinal);

    /// <summary>What the call's tool and arguments are: demonstrations with the same signature are one procedure.</summary>
    public string Signature => Call.Name + "(" + string.Join(",", Call.Arguments.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)) + ")";
}
