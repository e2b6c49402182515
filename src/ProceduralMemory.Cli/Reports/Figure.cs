namespace ProceduralMemory.Cli.Reports;

/// <summary>A grid of <see cref="LineChart"/>s, filled row by row, with an optional overall title.</summary>
public sealed class Figure
{
    /// <summary>Default pixel width of one grid cell.</summary>
    public const int CellWidth = 480;

    /// <summary>Default pixel height of one grid cell.</summary>
    public const int CellHeight = 340;

    private int? _width, _height;

    /// <summary>Creates a figure; cells beyond the last chart stay empty.</summary>
    /// <param name="rows">Number of grid rows, at least 1.</param>
    /// <param name="columns">Number of grid columns, at least 1.</param>
    /// <param name="charts">At most <paramref name="rows"/> × <paramref name="columns"/> charts, placed row by row.</param>
    /// <exception cref="ArgumentException">The grid is empty or too small for the charts.</exception>
    public Figure(int rows, int columns, IEnumerable<LineChart> charts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentNullException.ThrowIfNull(charts);
        Rows = rows;
        Columns = columns;
        Charts = charts.ToArray();
        if (Charts.Count > rows * columns)
            throw new ArgumentException($"{Charts.Count} charts do not fit a {rows}x{columns} grid.", nameof(charts));
        if (Charts.Any(c => c is null))
            throw new ArgumentException("Charts must not contain null.", nameof(charts));
    }

    /// <summary>Number of grid rows.</summary>
    public int Rows { get; }

    /// <summary>Number of grid columns.</summary>
    public int Columns { get; }

    /// <summary>The charts, row by row.</summary>
    public IReadOnlyList<LineChart> Charts { get; }

    /// <summary>Overall title above the grid, or null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Width in pixels; defaults to <see cref="CellWidth"/> per column.</summary>
    public int Width { get => _width ?? CellWidth * Columns; init => _width = Positive(value); }

    /// <summary>Height in pixels; defaults to <see cref="CellHeight"/> per row plus room for the title.</summary>
    public int Height
    {
        get => _height ?? CellHeight * Rows + (string.IsNullOrEmpty(Title) ? 0 : 40);
        init => _height = Positive(value);
    }

    /// <summary>Renders the figure as a standalone SVG 1.1 document; identical figures give identical text.</summary>
    public string ToSvg() => SvgRenderer.Render(this);

    private static int Positive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        return value;
    }
}
