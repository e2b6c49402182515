namespace ProceduralMemory.Cli.Reports;

/// <summary>One bar of a <see cref="BarChart"/>: a labelled value with an optional range drawn as a whisker.</summary>
/// <param name="Label">The category, drawn left of the bar.</param>
/// <param name="Value">The bar's length; null draws no bar and says "n/a".</param>
/// <param name="Low">The whisker's lower end (e.g. the worst seed), or null for none.</param>
/// <param name="High">The whisker's upper end, or null for none.</param>
/// <param name="Note">Text drawn after the bar (e.g. the value and a mark), or null for the value alone.</param>
public sealed record Bar(string Label, double? Value, double? Low = null, double? High = null, string? Note = null);
