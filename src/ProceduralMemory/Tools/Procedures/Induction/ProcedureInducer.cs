namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// Induces parameterised procedures from demonstrations on any <see cref="IToolEnvironment"/>: each demonstration is
/// cut at its state-changing calls into sub-goals, every argument is explained (a slot of the instruction, a path into
/// a look-up's result, a for-each, a constant) by making the look-ups the instruction leads to, and the sub-goals of
/// one kind (the same tool with the same parameters) are merged into one procedure.
/// </summary>
public sealed class ProcedureInducer
{
    private readonly DemonstrationExplainer explainer;
    private readonly List<SubgoalDraft> drafts = [];

    /// <summary>An inducer that makes its look-ups on <paramref name="environment"/> (reset before each demonstration).</summary>
    public ProcedureInducer(IToolEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        explainer = new DemonstrationExplainer(environment);
    }

    /// <summary>The number of demonstrations added.</summary>
    public int Demonstrations { get; private set; }

    /// <summary>The number of sub-goals (state-changing calls) found in them.</summary>
    public int Subgoals => drafts.Count;

    /// <summary>Explains <paramref name="demonstration"/> and keeps its sub-goals for <see cref="Procedures"/>.</summary>
    public void Add(ToolDemonstration demonstration)
    {
        ArgumentNullException.ThrowIfNull(demonstration);
        drafts.AddRange(explainer.Explain(demonstration));
        Demonstrations++;
    }

    /// <summary>One procedure per kind of sub-goal seen, the most demonstrated first.</summary>
    public IReadOnlyList<Procedure> Procedures() =>
        drafts.GroupBy(d => d.Signature, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ProcedureMerger.Merge(g.ToList())).ToList();
}
