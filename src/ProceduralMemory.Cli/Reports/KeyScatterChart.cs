namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// Panels of keys in two dimensions (<see cref="PrincipalPlane"/>), one dot per key coloured by its skill, side by
/// side: how well each kind of key keeps skills apart. A standalone SVG document.
/// </summary>
internal static class KeyScatterChart
{
    private const int PanelWidth = 420, PanelHeight = 380, Margin = 20, Top = 48, LegendHeight = 24;

    /// <summary>The chart of <paramref name="panels"/>: each a title and one key per entry of <paramref name="skills"/>.</summary>
    public static string ToSvg(string title, IReadOnlyList<string> skills, IReadOnlyList<(string Title, IReadOnlyList<float[]> Keys)> panels)
    {
        string[] names = [.. skills.Distinct().Order(StringComparer.Ordinal)];
        int width = panels.Count * (PanelWidth + Margin) + Margin, height = Top + PanelHeight + LegendHeight + Margin;
        var svg = new SvgWriter();
        svg.Open("svg").Attr("xmlns", "http://www.w3.org/2000/svg").Attr("version", "1.1").Attr("width", width).Attr("height", height)
            .Attr("viewBox", $"0 0 {width} {height}").Attr("font-family", "Helvetica, Arial, sans-serif").Body();
        svg.Open("rect").Attr("width", width).Attr("height", height).Attr("fill", "#ffffff").Close();
        svg.Open("text").Attr("x", width / 2.0).Attr("y", 20).Attr("text-anchor", "middle").Attr("font-size", 15).Content("text", title);
        for (int p = 0; p < panels.Count; p++)
        {
            double left = Margin + p * (PanelWidth + Margin);
            svg.Open("text").Attr("x", left + PanelWidth / 2.0).Attr("y", Top - 8).Attr("text-anchor", "middle").Attr("font-size", 12)
                .Content("text", panels[p].Title);
            svg.Open("rect").Attr("x", left).Attr("y", Top).Attr("width", PanelWidth).Attr("height", PanelHeight)
                .Attr("fill", "none").Attr("stroke", "#999999").Close();
            (double X, double Y)[] points = PrincipalPlane.Project(panels[p].Keys);
            if (points.Length == 0)
                continue;
            double minX = points.Min(q => q.X), maxX = points.Max(q => q.X), minY = points.Min(q => q.Y), maxY = points.Max(q => q.Y);
            double spanX = Math.Max(maxX - minX, 1e-9), spanY = Math.Max(maxY - minY, 1e-9);
            for (int i = 0; i < points.Length; i++)
            {
                double x = left + 10 + (points[i].X - minX) / spanX * (PanelWidth - 20);
                double y = Top + 10 + (maxY - points[i].Y) / spanY * (PanelHeight - 20);
                svg.Open("circle").Attr("cx", x).Attr("cy", y).Attr("r", 2.5).Attr("fill", Colour(names, skills[i]))
                    .Attr("fill-opacity", "0.6").Close();
            }
        }
        double legendX = Margin;
        foreach (string name in names)
        {
            svg.Open("circle").Attr("cx", legendX + 5).Attr("cy", Top + PanelHeight + 16).Attr("r", 5).Attr("fill", Colour(names, name)).Close();
            svg.Open("text").Attr("x", legendX + 14).Attr("y", Top + PanelHeight + 20).Attr("font-size", 12).Content("text", name);
            legendX += 24 + 7 * name.Length;
        }
        svg.End("svg");
        return svg.ToString();
    }

    private static string Colour(string[] names, string skill) =>
        SvgRenderer.Palette[Array.IndexOf(names, skill) % SvgRenderer.Palette.Length];
}
