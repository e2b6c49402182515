namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// A line chart: titled axes and any number of <see cref="Series"/>. Axis ranges follow the data
/// unless fixed; either end of either axis can be fixed on its own (for example <c>YMin = 0</c>).
/// </summary>
public sealed class LineChart
{
    private double? _xMin, _xMax, _yMin, _yMax;

    /// <summary>Creates a chart. Empty strings leave the title or an axis label out.</summary>
    /// <param name="title">Chart title, drawn above the plot.</param>
    /// <param name="xLabel">Label under the X axis.</param>
    /// <param name="yLabel">Label beside the Y axis, drawn rotated.</param>
    /// <param name="series">The lines, coloured by their order here.</param>
    public LineChart(string title, string xLabel, string yLabel, IEnumerable<Series> series)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xLabel);
        ArgumentNullException.ThrowIfNull(yLabel);
        ArgumentNullException.ThrowIfNull(series);
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
        Series = series.ToArray();
        if (Series.Any(s => s is null))
            throw new ArgumentException("Series must not contain null.", nameof(series));
    }

    /// <summary>Chart title.</summary>
    public string Title { get; }

    /// <summary>X-axis label.</summary>
    public string XLabel { get; }

    /// <summary>Y-axis label.</summary>
    public string YLabel { get; }

    /// <summary>The series, in drawing and colour order.</summary>
    public IReadOnlyList<Series> Series { get; }

    /// <summary>Fixed lower end of the X axis, or null to follow the data.</summary>
    public double? XMin { get => _xMin; init => _xMin = Bound(value, lower: value, upper: _xMax); }

    /// <summary>Fixed upper end of the X axis, or null to follow the data.</summary>
    public double? XMax { get => _xMax; init => _xMax = Bound(value, lower: _xMin, upper: value); }

    /// <summary>Fixed lower end of the Y axis, or null to follow the data.</summary>
    public double? YMin { get => _yMin; init => _yMin = Bound(value, lower: value, upper: _yMax); }

    /// <summary>Fixed upper end of the Y axis, or null to follow the data.</summary>
    public double? YMax { get => _yMax; init => _yMax = Bound(value, lower: _yMin, upper: value); }

    /// <summary>Renders this chart alone as a standalone SVG document.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public string ToSvg(int width = 640, int height = 420) =>
        new Figure(1, 1, [this]) { Width = width, Height = height }.ToSvg();

    // Whichever end is set second sees the other, so a reversed range is caught either way round.
    private static double? Bound(double? value, double? lower, double? upper)
    {
        if (value is { } v && !double.IsFinite(v))
            throw new ArgumentException($"Axis bound {v} must be finite.", nameof(value));
        if (lower is { } lo && upper is { } hi && lo >= hi)
            throw new ArgumentException($"Axis minimum {lo} must be below maximum {hi}.", nameof(value));
        return value;
    }
}
