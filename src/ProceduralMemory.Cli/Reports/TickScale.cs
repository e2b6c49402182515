namespace ProceduralMemory.Cli.Reports;

/// <summary>An axis range and the tick values on it, spaced <see cref="Step"/> apart.</summary>
internal sealed record TickScale(double Min, double Max, double Step, IReadOnlyList<double> Values);
