using System.Globalization;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// A horizontal bar chart on a fixed value axis, one row per category, with optional whiskers and a dashed
/// reference line (a target): for comparing one figure across many categories, where a line chart per category
/// would be too many to read.
/// </summary>
/// <param name="Title">Drawn above the chart.</param>
/// <param name="AxisLabel">Drawn under the value axis.</param>
/// <param name="Bars">The rows, top to bottom.</param>
/// <param name="Min">The value axis's left end.</param>
/// <param name="Max">The value axis's right end; bars and whiskers beyond it are cut at the edge.</param>
public sealed record BarChart(string Title, string AxisLabel, IReadOnlyList<Bar> Bars, double Min = 0, double Max = 1)
{
    private const double RowHeight = 22, Width = 900;

    /// <summary>A value where a dashed vertical line is drawn, or null for none.</summary>
    public double? Reference { get; init; }

    /// <summary>The reference line's label, drawn at its top.</summary>
    public string ReferenceLabel { get; init; } = "";

    /// <summary>Renders the chart as a standalone SVG document; identical charts give identical text.</summary>
    public string ToSvg()
    {
        const double pad = SvgRenderer.Pad, top = pad + SvgRenderer.TitleSize + 28;
        double labelWidth = Bars.Select(b => SvgRenderer.TextWidth(b.Label, SvgRenderer.TickSize)).DefaultIfEmpty(0).Max();
        double left = pad + labelWidth + 8, right = Width - pad - 150;
        double height = top + Bars.Count * RowHeight + 2 * SvgRenderer.TickSize + SvgRenderer.LabelSize + 3 * pad;
        double bottom = top + Bars.Count * RowHeight;
        double X(double value) => left + (Math.Clamp(value, Min, Max) - Min) / (Max - Min) * (right - left);

        SvgWriter svg = SvgRenderer.StartDocument(Width, height);
        SvgRenderer.Text(svg, Width / 2, pad + SvgRenderer.TitleSize, Title, SvgRenderer.TitleSize, Width - 2 * pad, "middle", bold: true);

        TickScale scale = NiceTicks.Compute(Min, Max, 6);
        string[] labels = NiceTicks.Labels(scale);
        for (int i = 0; i < scale.Values.Count; i++)
        {
            double x = X(scale.Values[i]);
            SvgRenderer.Line(svg, x, top, x, bottom, SvgRenderer.GridInk);
            SvgRenderer.Text(svg, x, bottom + SvgRenderer.TickSize + 6, labels[i], SvgRenderer.TickSize, double.MaxValue, "middle");
        }
        SvgRenderer.Text(svg, (left + right) / 2, bottom + 2 * SvgRenderer.TickSize + SvgRenderer.LabelSize + 4, AxisLabel,
            SvgRenderer.LabelSize, right - left, "middle");

        for (int row = 0; row < Bars.Count; row++)
        {
            Bar bar = Bars[row];
            double y = top + row * RowHeight, middle = y + RowHeight / 2;
            SvgRenderer.Text(svg, left - 6, middle + SvgRenderer.TickSize * 0.35, bar.Label, SvgRenderer.TickSize, labelWidth, "end");
            double end = left;
            if (bar.Value is { } value)
            {
                end = X(value);
                svg.Open("rect").Attr("class", "bar").Attr("x", left).Attr("y", y + 4).Attr("width", Math.Max(end - left, 0))
                    .Attr("height", RowHeight - 8).Attr("fill", SvgRenderer.Palette[0]).Close();
            }
            if (bar.Low is { } low && bar.High is { } high)
            {
                SvgRenderer.Line(svg, X(low), middle, X(high), middle, SvgRenderer.Ink);
                SvgRenderer.Line(svg, X(low), middle - 4, X(low), middle + 4, SvgRenderer.Ink);
                SvgRenderer.Line(svg, X(high), middle - 4, X(high), middle + 4, SvgRenderer.Ink);
                end = Math.Max(end, X(high));
            }
            string note = bar.Note ?? (bar.Value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a");
            SvgRenderer.Text(svg, end + 6, middle + SvgRenderer.TickSize * 0.35, note, SvgRenderer.TickSize, Width - end - pad, "start");
        }
        SvgRenderer.Line(svg, left, top, left, bottom, SvgRenderer.AxisInk);
        SvgRenderer.Line(svg, left, bottom, right, bottom, SvgRenderer.AxisInk);
        if (Reference is { } reference)
        {
            double x = X(reference);
            svg.Open("line").Attr("class", "reference").Attr("x1", x).Attr("y1", top - 4).Attr("x2", x).Attr("y2", bottom)
                .Attr("stroke", SvgRenderer.Palette[1]).Attr("stroke-width", 1.5).Attr("stroke-dasharray", "5 4").Close();
            SvgRenderer.Text(svg, x, top - 8, ReferenceLabel, SvgRenderer.TickSize, Width, "middle");
        }
        svg.End("svg");
        return svg.ToString();
    }
}
