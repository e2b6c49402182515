using System.Globalization;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// A grid of values between 0 and 1, one coloured cell per (row, column) with its value written in it, and blank
/// where there is none: for a matrix such as retention (rows: after each task; columns: each task re-evaluated),
/// read at a glance by colour.
/// </summary>
/// <param name="Title">Drawn above the grid.</param>
/// <param name="RowLabels">Drawn left of each row.</param>
/// <param name="ColumnLabels">Drawn above each column, slanted.</param>
/// <param name="Values">Row by row; a missing or null entry is a blank cell.</param>
public sealed record MatrixChart(string Title, IReadOnlyList<string> RowLabels, IReadOnlyList<string> ColumnLabels, IReadOnlyList<IReadOnlyList<double?>> Values)
{
    private const double Cell = 56;

    /// <summary>Renders the chart as a standalone SVG document; identical charts give identical text.</summary>
    public string ToSvg()
    {
        const double pad = SvgRenderer.Pad;
        double labelWidth = RowLabels.Select(l => SvgRenderer.TextWidth(l, SvgRenderer.TickSize)).DefaultIfEmpty(0).Max();
        double columnLabelHeight = ColumnLabels.Select(l => SvgRenderer.TextWidth(l, SvgRenderer.TickSize)).DefaultIfEmpty(0).Max() * 0.72 + 8;
        double left = pad + labelWidth + 8, top = pad + SvgRenderer.TitleSize + 12 + columnLabelHeight;
        double width = Math.Max(left + ColumnLabels.Count * Cell + pad + columnLabelHeight,
            SvgRenderer.TextWidth(Title, SvgRenderer.TitleSize) * 1.1 + 2 * pad);
        double height = top + RowLabels.Count * Cell + pad;

        SvgWriter svg = SvgRenderer.StartDocument(width, height);
        SvgRenderer.Text(svg, width / 2, pad + SvgRenderer.TitleSize, Title, SvgRenderer.TitleSize, width - 2 * pad, "middle", bold: true);
        for (int c = 0; c < ColumnLabels.Count; c++)
        {
            double x = left + c * Cell + Cell / 2, y = top - 6;
            svg.Open("text").Attr("x", x).Attr("y", y).Attr("font-size", SvgRenderer.TickSize).Attr("fill", SvgRenderer.Ink)
                .Attr("transform", $"rotate(-45 {SvgWriter.Number(x)} {SvgWriter.Number(y)})").Content("text", ColumnLabels[c]);
        }
        for (int r = 0; r < RowLabels.Count; r++)
        {
            double y = top + r * Cell;
            SvgRenderer.Text(svg, left - 6, y + Cell / 2 + SvgRenderer.TickSize * 0.35, RowLabels[r], SvgRenderer.TickSize, labelWidth, "end");
            IReadOnlyList<double?> row = r < Values.Count ? Values[r] : [];
            for (int c = 0; c < ColumnLabels.Count; c++)
            {
                if (c >= row.Count || row[c] is not { } value)
                    continue;
                double x = left + c * Cell;
                svg.Open("rect").Attr("class", "cell").Attr("x", x + 1).Attr("y", y + 1).Attr("width", Cell - 2).Attr("height", Cell - 2)
                    .Attr("fill", Colour(value)).Close();
                SvgRenderer.Text(svg, x + Cell / 2, y + Cell / 2 + SvgRenderer.TickSize * 0.35, value.ToString("0.00", CultureInfo.InvariantCulture),
                    SvgRenderer.TickSize, Cell, "middle");
            }
        }
        svg.End("svg");
        return svg.ToString();
    }

    /// <summary>Red at 0 through yellow to green at 1 (values outside are clamped), light enough to read dark text on.</summary>
    private static string Colour(double value)
    {
        double v = Math.Clamp(value, 0, 1);
        int red = v < 0.5 ? 245 : (int)Math.Round(245 - (v - 0.5) * 2 * 105);
        int green = v < 0.5 ? (int)Math.Round(140 + v * 2 * 90) : (int)Math.Round(230 - (v - 0.5) * 2 * 20);
        return $"#{red:x2}{green:x2}8c";
    }
}
