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
    private readonly List<ToolDemonstration> demonstrations = [];

    /// <summary>An inducer that makes its look-ups on <paramref name="environment"/> (reset before each demonstration).</summary>
    public ProcedureInducer(IToolEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        explainer = new DemonstrationExplainer(environment);
    }

    /// <summary>The number of demonstrations added.</summary>
    public int Demonstrations => demonstrations.Count;

    /// <summary>The number of sub-goals (state-changing calls) found in them.</summary>
    public int Subgoals => drafts.Count;

    /// <summary>Explains <paramref name="demonstration"/> and keeps its sub-goals for <see cref="Procedures"/>.</summary>
    public void Add(ToolDemonstration demonstration)
    {
        ArgumentNullException.ThrowIfNull(demonstration);
        drafts.AddRange(explainer.Explain(demonstration));
        demonstrations.Add(demonstration);
    }

    /// <summary>The label of a clause that no sub-goal serves (a greeting, who the user is).</summary>
    public const string NoProcedure = "(none)";

    /// <summary>
    /// Every clause of the added demonstrations' instructions, cut as the agent cuts a query
    /// (<see cref="TextMentions.Clauses"/>), in order, each labelled with the procedure its sub-goal merges into (the
    /// signature <see cref="Procedures"/> groups by: the state-changing tool and its parameters), or
    /// <see cref="NoProcedure"/>. A clause serving sub-goals of two procedures takes the first's.
    /// </summary>
    public IReadOnlyList<(string Clause, string Procedure)> LabelledClauses()
    {
        var served = new Dictionary<(string Source, string Clause), string>();
        foreach (SubgoalDraft draft in drafts)
            served.TryAdd((draft.Demonstration.Source, draft.Clause), draft.Signature);
        return [.. demonstrations.SelectMany(d => TextMentions.Clauses(d.Instruction)
            .Select(c => (c.Text, served.GetValueOrDefault((d.Source, c.Text), NoProcedure))))];
    }

    /// <summary>One procedure per kind of sub-goal seen, the most demonstrated first.</summary>
    public IReadOnlyList<Procedure> Procedures() =>
        drafts.GroupBy(d => d.Signature, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ProcedureMerger.Merge(g.ToList())).ToList();
}
