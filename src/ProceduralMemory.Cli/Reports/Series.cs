namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// One line of a <see cref="LineChart"/>: paired X and Y values, optionally with a spread band
/// (for example mean ± standard deviation over seeds) drawn as a translucent area behind the line.
/// </summary>
public sealed class Series
{
    /// <summary>Creates a series. The lists are copied, so later changes to them do not affect rendering.</summary>
    /// <param name="name">Legend label; an empty name keeps the series out of the legend.</param>
    /// <param name="x">X values, one per point, in drawing order.</param>
    /// <param name="y">Y values, as many as <paramref name="x"/>.</param>
    /// <param name="lower">Lower edge of the spread band, as many as <paramref name="x"/>; given together with <paramref name="upper"/>.</param>
    /// <param name="upper">Upper edge of the spread band, never below <paramref name="lower"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ, a value is NaN or infinite, only one band edge is given, or lower exceeds upper.</exception>
    public Series(
        string name,
        IReadOnlyList<double> x,
        IReadOnlyList<double> y,
        IReadOnlyList<double>? lower = null,
        IReadOnlyList<double>? upper = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        X = Copy(x, nameof(x), x?.Count ?? 0);
        Y = Copy(y, nameof(y), X.Count);
        if (lower is null != upper is null)
            throw new ArgumentException(
                $"Series '{name}': a spread band needs both lower and upper values.", lower is null ? nameof(lower) : nameof(upper));
        if (lower is null || upper is null)
            return;
        Lower = Copy(lower, nameof(lower), X.Count);
        Upper = Copy(upper, nameof(upper), X.Count);
        for (int i = 0; i < X.Count; i++)
        {
            if (Lower[i] > Upper[i])
                throw new ArgumentException(
                    $"Series '{name}': lower[{i}] = {Lower[i]} is above upper[{i}] = {Upper[i]}.", nameof(lower));
        }
    }

    /// <summary>Legend label; empty when the series is not listed in the legend.</summary>
    public string Name { get; }

    /// <summary>X values, one per point.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>Y values, one per point.</summary>
    public IReadOnlyList<double> Y { get; }

    /// <summary>Lower edge of the spread band, or null when the series has none.</summary>
    public IReadOnlyList<double>? Lower { get; }

    /// <summary>Upper edge of the spread band, or null when the series has none.</summary>
    public IReadOnlyList<double>? Upper { get; }

    private IReadOnlyList<double> Copy(IReadOnlyList<double> values, string parameter, int expectedCount)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        if (values.Count != expectedCount)
            throw new ArgumentException(
                $"Series '{Name}': {parameter} has {values.Count} values but x has {expectedCount}.", parameter);
        var copy = values.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
                throw new ArgumentException(
                    $"Series '{Name}': {parameter}[{i}] is {copy[i]}; values must be finite.", parameter);
        }
        return Array.AsReadOnly(copy);
    }
}
