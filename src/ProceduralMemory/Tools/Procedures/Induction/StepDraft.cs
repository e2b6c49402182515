namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>A step of one demonstration's sub-goal: the tool, each argument's explanations best first, and for a
/// for-each step where its elements come from.</summary>
internal sealed class StepDraft(string key, string tool, bool changesState)
{
    public string Key { get; } = key;

    public string Tool { get; } = tool;

    public bool ChangesState { get; } = changesState;

    /// <summary>Explanations per parameter, best first.</summary>
    public Dictionary<string, List<SourceDraft>> Arguments { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the elements of a for-each step may come from, best first (empty for a single call).</summary>
    public List<SourceDraft> ForEach { get; } = [];

    /// <summary>The steps this one reads results from, through any of its explanations.</summary>
    public IEnumerable<string> Reads =>
        Arguments.Values.SelectMany(o => o).Concat(ForEach).Where(s => s.StepKey is not null).Select(s => s.StepKey!).Distinct();
}
