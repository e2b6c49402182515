namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// One state-changing call of a demonstration with the look-ups that explain its arguments: a sub-goal, before
/// merging. <see cref="Clause"/> is the part of the instruction it serves; <see cref="Slots"/> what the text gave.
/// </summary>
internal sealed class SubgoalDraft(ToolDemonstration demonstration, string clause, ToolCall call, string toolDescription)
{
    public ToolDemonstration Demonstration { get; } = demonstration;

    public string Clause { get; } = clause;

    public ToolCall Call { get; } = call;

    /// <summary>What the call's tool says it does.</summary>
    public string ToolDescription { get; } = toolDescription;

    /// <summary>Steps by key, the state-changing one last.</summary>
    public Dictionary<string, StepDraft> Steps { get; } = new(StringComparer.Ordinal);

    /// <summary>The slots' values as the text gave them, by slot name, with their schemas' kind.</summary>
    public Dictionary<string, (string Value, string Kind)> Slots { get; } = new(StringComparer.Ordinal);

    /// <summary>Steps whose results hold a value the text gave (the user's record lists the order) without being
    /// needed to explain it, with the slots they hold values of: a run falls back on them when the text lacks one.</summary>
    public Dictionary<string, HashSet<string>> Witnesses { get; } = new(StringComparer.Ordinal);

    /// <summary>Values the look-ups' results hold that the clause names (an item, an option): particulars of this
    /// demonstration, left out of what the procedure is for.</summary>
    public List<string> Particulars { get; } = [];

    /// <summary>What the call's tool and arguments are: demonstrations with the same signature are one procedure.</summary>
    public string Signature => SubgoalSignature.Of(Call.Name, Call.Arguments.EnumerateObject().Select(p => p.Name));
}
