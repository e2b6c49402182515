namespace ProceduralMemory.Cli.Reports;

/// <summary>Lays out and draws a <see cref="Figure"/> as SVG.</summary>
internal static class SvgRenderer
{
    /// <summary>Okabe–Ito colours, which stay distinct under common colour-vision deficiencies; yellow last as it is faint on white.</summary>
    internal static readonly string[] Palette =
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];

    /// <summary>Series with at most this many points get a marker on each point.</summary>
    internal const int MarkerLimit = 60;

    internal const double Pad = 12, TickLength = 4, LegendRow = 18, Swatch = 18;
    internal const double FigureTitleSize = 18, TitleSize = 15, LabelSize = 13, TickSize = 11, LegendSize = 12;
    internal const string Ink = "#222222", AxisInk = "#666666", GridInk = "#e5e5e5";

    /// <summary>
    /// Draws <paramref name="figure"/>: a standalone SVG document, or with <paramref name="inline"/> an svg element for an
    /// HTML page, where <paramref name="idPrefix"/> keeps its element ids apart from other figures' (ids are page-wide there).
    /// </summary>
    public static string Render(Figure figure, bool inline = false, string idPrefix = "")
    {
        var svg = new SvgWriter().Raw(inline ? "" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.Open("svg").Attr("xmlns", "http://www.w3.org/2000/svg").Attr("version", "1.1")
            .Attr("width", figure.Width).Attr("height", figure.Height)
            .Attr("viewBox", $"0 0 {figure.Width} {figure.Height}")
            .Attr("font-family", "Helvetica, Arial, sans-serif").Body();
        svg.Open("rect").Attr("width", figure.Width).Attr("height", figure.Height).Attr("fill", "#ffffff").Close();
        double top = 0;
        if (!string.IsNullOrEmpty(figure.Title))
        {
            Text(svg, figure.Width / 2.0, Pad + FigureTitleSize, figure.Title, FigureTitleSize, figure.Width - 2 * Pad, "middle", bold: true);
            top = FigureTitleSize + Pad;
        }
        double cellWidth = (double)figure.Width / figure.Columns, cellHeight = (figure.Height - top) / figure.Rows;
        for (int i = 0; i < figure.Charts.Count; i++)
        {
            var cell = new Box(i % figure.Columns * cellWidth, top + i / figure.Columns * cellHeight, cellWidth, cellHeight);
            RenderChart(svg, figure.Charts[i], $"{idPrefix}plot-clip-{i}", cell);
        }
        svg.End("svg");
        return svg.ToString();
    }

    private static void RenderChart(SvgWriter svg, LineChart chart, string clipId, Box cell)
    {
        svg.Open("g").Attr("class", "chart").Body();
        double top = cell.Y + Pad;
        if (chart.Title.Length > 0)
        {
            Text(svg, cell.X + cell.Width / 2, top + TitleSize, chart.Title, TitleSize, cell.Width - 2 * Pad, "middle", bold: true);
            top += TitleSize + 8;
        }
        top = Legend(svg, chart.Series, cell, top);

        // The vertical layout is fixed first: the Y ticks it allows decide how wide the Y tick labels,
        // and so the left margin, must be, which in turn decides how many X ticks fit.
        double plotTop = top + TickSize / 2 + 4;
        double plotBottom = cell.Bottom - Pad - TickLength - TickSize - 6 - (chart.XLabel.Length > 0 ? LabelSize + 6 : 0);
        double plotHeight = Math.Max(plotBottom - plotTop, 10);
        var yScale = NiceTicks.Resolve(
            chart.Series.SelectMany(s => s.Y.Concat(s.Lower ?? []).Concat(s.Upper ?? [])),
            chart.YMin, chart.YMax, Math.Clamp((int)(plotHeight / 32), 2, 8));
        string[] yLabels = NiceTicks.Labels(yScale);
        double left = cell.X + Pad + (chart.YLabel.Length > 0 ? LabelSize + 8 : 0)
            + yLabels.Select(l => TextWidth(l, TickSize)).DefaultIfEmpty(0).Max() + TickLength + 4;
        // The right margin leaves room for half of the last X tick label, which is centred on the plot edge.
        var plot = new Box(left, plotTop, Math.Max(cell.Right - Pad - 14 - left, 10), plotHeight);

        TickScale xScale;
        string[] xLabels;
        for (int maxTicks = Math.Clamp((int)(plot.Width / 50), 2, 10); ; maxTicks--)
        {
            xScale = NiceTicks.Resolve(chart.Series.SelectMany(s => s.X), chart.XMin, chart.XMax, maxTicks);
            xLabels = NiceTicks.Labels(xScale);
            double spacing = plot.Width * xScale.Step / (xScale.Max - xScale.Min);
            if (maxTicks == 2 || xLabels.Max(l => TextWidth(l, TickSize)) + 12 <= spacing)
                break;
        }
        double Px(double x) => plot.X + (x - xScale.Min) / (xScale.Max - xScale.Min) * plot.Width;
        double Py(double y) => plot.Bottom - (y - yScale.Min) / (yScale.Max - yScale.Min) * plot.Height;

        for (int i = 0; i < yScale.Values.Count; i++)
        {
            double y = Py(yScale.Values[i]);
            Line(svg, plot.X, y, plot.Right, y, GridInk);
            Line(svg, plot.X - TickLength, y, plot.X, y, AxisInk);
            Text(svg, plot.X - TickLength - 3, y + TickSize * 0.35, yLabels[i], TickSize, double.MaxValue, "end");
        }
        for (int i = 0; i < xScale.Values.Count; i++)
        {
            double x = Px(xScale.Values[i]);
            Line(svg, x, plot.Y, x, plot.Bottom, GridInk);
            Line(svg, x, plot.Bottom, x, plot.Bottom + TickLength, AxisInk);
            Text(svg, x, plot.Bottom + TickLength + TickSize + 2, xLabels[i], TickSize, double.MaxValue, "middle");
        }
        Line(svg, plot.X, plot.Y, plot.X, plot.Bottom, AxisInk);
        Line(svg, plot.X, plot.Bottom, plot.Right, plot.Bottom, AxisInk);
        svg.Open("rect").Attr("class", "plot-area").Attr("x", plot.X).Attr("y", plot.Y)
            .Attr("width", plot.Width).Attr("height", plot.Height).Attr("fill", "none").Close();

        if (chart.XLabel.Length > 0)
            Text(svg, plot.X + plot.Width / 2, cell.Bottom - Pad, chart.XLabel, LabelSize, plot.Width, "middle");
        if (chart.YLabel.Length > 0)
        {
            double x = cell.X + Pad + LabelSize, y = plot.Y + plot.Height / 2;
            Text(svg, x, y, chart.YLabel, LabelSize, plot.Height, "middle", rotate: true);
        }

        if (chart.Series.All(s => s.X.Count == 0))
        {
            svg.Open("text").Attr("x", plot.X + plot.Width / 2).Attr("y", plot.Y + plot.Height / 2)
                .Attr("font-size", LabelSize).Attr("text-anchor", "middle").Attr("fill", "#888888").Content("text", "no data");
            svg.End("g");
            return;
        }

        // Points outside a fixed range are clipped; the slack keeps edge markers whole.
        svg.Open("clipPath").Attr("id", clipId).Body();
        svg.Open("rect").Attr("x", plot.X - 4).Attr("y", plot.Y - 4)
            .Attr("width", plot.Width + 8).Attr("height", plot.Height + 8).Close();
        svg.End("clipPath");
        svg.Open("g").Attr("clip-path", $"url(#{clipId})").Body();
        // Every band goes under every line, so no band veils another series' line.
        for (int s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            if (series.Lower is null || series.Upper is null || series.X.Count == 0)
                continue;
            var upper = Enumerable.Range(0, series.X.Count).Select(i => (Px(series.X[i]), Py(series.Upper[i])));
            var lower = Enumerable.Range(0, series.X.Count).Reverse().Select(i => (Px(series.X[i]), Py(series.Lower[i])));
            svg.Open("polygon").Attr("class", "band").Attr("points", Points(upper.Concat(lower)))
                .Attr("fill", Colour(s)).Attr("fill-opacity", "0.18").Attr("stroke", "none").Close();
        }
        for (int s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var points = Enumerable.Range(0, series.X.Count).Select(i => (X: Px(series.X[i]), Y: Py(series.Y[i]))).ToArray();
            if (points.Length > 1)
                svg.Open("polyline").Attr("points", Points(points)).Attr("fill", "none").Attr("stroke", Colour(s))
                    .Attr("stroke-width", "2").Attr("stroke-linejoin", "round").Attr("stroke-linecap", "round").Close();
            if (points.Length <= MarkerLimit)
            {
                foreach (var (x, y) in points)
                    svg.Open("circle").Attr("cx", x).Attr("cy", y).Attr("r", "2.5").Attr("fill", Colour(s)).Close();
            }
        }
        svg.End("g");
        svg.End("g");
    }

    /// <summary>Draws the legend as centred rows that wrap to the cell width; returns the y just below it.</summary>
    private static double Legend(SvgWriter svg, IReadOnlyList<Series> series, Box cell, double top)
    {
        const double Gap = 16;
        double available = cell.Width - 2 * Pad;
        var rows = new List<List<(int Index, double Width)>> { new() };
        double used = 0;
        for (int i = 0; i < series.Count; i++)
        {
            if (series[i].Name.Length == 0)
                continue;
            double width = Swatch + 6 + Math.Min(TextWidth(series[i].Name, LegendSize), available - Swatch - 6);
            if (rows[^1].Count > 0 && used + width > available)
            {
                rows.Add([]);
                used = 0;
            }
            rows[^1].Add((i, width));
            used += width + Gap;
        }
        if (rows[0].Count == 0)
            return top;
        svg.Open("g").Attr("class", "legend").Body();
        for (int r = 0; r < rows.Count; r++)
        {
            double x = cell.X + (cell.Width - rows[r].Sum(e => e.Width) - Gap * (rows[r].Count - 1)) / 2;
            double y = top + r * LegendRow + LegendRow / 2;
            foreach (var (i, width) in rows[r])
            {
                if (series[i].Lower is not null)
                    svg.Open("rect").Attr("x", x).Attr("y", y - 5).Attr("width", Swatch).Attr("height", 10)
                        .Attr("fill", Colour(i)).Attr("fill-opacity", "0.18").Close();
                Line(svg, x, y, x + Swatch, y, Colour(i), width: 2);
                Text(svg, x + Swatch + 6, y + LegendSize * 0.35, series[i].Name, LegendSize, width - Swatch - 6, "start");
                x += width + Gap;
            }
        }
        svg.End("g");
        return top + rows.Count * LegendRow + 2;
    }

    private static string Colour(int seriesIndex) => Palette[seriesIndex % Palette.Length];

    private static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(" ", points.Select(p => SvgWriter.Number(p.X) + "," + SvgWriter.Number(p.Y)));

    /// <summary>A standalone SVG document of the given size, opened, on a white background.</summary>
    internal static SvgWriter StartDocument(double width, double height)
    {
        var svg = new SvgWriter().Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.Open("svg").Attr("xmlns", "http://www.w3.org/2000/svg").Attr("version", "1.1")
            .Attr("width", width).Attr("height", height).Attr("viewBox", $"0 0 {SvgWriter.Number(width)} {SvgWriter.Number(height)}")
            .Attr("font-family", "Helvetica, Arial, sans-serif").Body();
        svg.Open("rect").Attr("width", width).Attr("height", height).Attr("fill", "#ffffff").Close();
        return svg;
    }

    internal static void Line(SvgWriter svg, double x1, double y1, double x2, double y2, string colour, double width = 1) =>
        svg.Open("line").Attr("x1", x1).Attr("y1", y1).Attr("x2", x2).Attr("y2", y2)
            .Attr("stroke", colour).Attr("stroke-width", width).Close();

    /// <summary>Draws text shortened with an ellipsis to fit <paramref name="maxWidth"/>, so long labels cannot run into neighbours.</summary>
    internal static void Text(
        SvgWriter svg, double x, double y, string text, double size, double maxWidth, string anchor,
        bool bold = false, bool rotate = false)
    {
        if (TextWidth(text, size) > maxWidth + 1e-6)
            text = text[..Math.Max((int)(maxWidth / (size * CharWidth)) - 1, 0)] + "…";
        svg.Open("text").Attr("x", x).Attr("y", y).Attr("font-size", size).Attr("text-anchor", anchor).Attr("fill", Ink);
        if (bold)
            svg.Attr("font-weight", "bold");
        if (rotate)
            svg.Attr("transform", $"rotate(-90 {SvgWriter.Number(x)} {SvgWriter.Number(y)})");
        svg.Content("text", text);
    }

    // Without font metrics, width is estimated from an average glyph; 0.6 em errs wide for sans-serif.
    private const double CharWidth = 0.6;

    internal static double TextWidth(string text, double size) => text.Length * size * CharWidth;

    private readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public double Right => X + Width;

        public double Bottom => Y + Height;
    }
}
