using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProceduralMemory.Cli.Reports;

namespace ProceduralMemory.Cli.Tests.Reports;

public class SvgRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly double[] Episodes = Enumerable.Range(1, 15).Select(i => (double)i).ToArray();

    private static LineChart ReturnChart(string title = "Return per episode") =>
        new(title, "episode", "return", [
            new Series("memory", Episodes, Episodes.Select(e => e * 2.0).ToArray()),
            new Series("baseline", Episodes, Episodes.Select(e => e * 1.5).ToArray()),
        ]);

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static List<string> Texts(XDocument doc) =>
        doc.Descendants(Svg + "text").Select(t => t.Value).ToList();

    private static (double X, double Y, double Width, double Height) PlotArea(XDocument doc)
    {
        var rect = doc.Descendants(Svg + "rect").Single(r => (string?)r.Attribute("class") == "plot-area");
        double Get(string name) => double.Parse((string)rect.Attribute(name)!, CultureInfo.InvariantCulture);
        return (Get("x"), Get("y"), Get("width"), Get("height"));
    }

    private static IEnumerable<(double X, double Y)> PolylinePoints(XDocument doc) =>
        doc.Descendants(Svg + "polyline")
            .SelectMany(p => ((string)p.Attribute("points")!).Split(' '))
            .Select(pair => pair.Split(','))
            .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)));

    [Fact]
    public void Render_Inline_IsAnSvgElementWhoseClipPathsUseThePrefix()
    {
        var figure = new Figure(1, 2, [ReturnChart(), ReturnChart("second")]);
        string inline = SvgRenderer.Render(figure, inline: true, idPrefix: "figure-7-");
        Assert.StartsWith("<svg ", inline);
        XDocument doc = Parse(inline);
        var ids = doc.Descendants(Svg + "clipPath").Select(c => (string)c.Attribute("id")!).ToList();
        Assert.Equal(["figure-7-plot-clip-0", "figure-7-plot-clip-1"], ids);
        Assert.Equal(ids.Select(id => $"url(#{id})"), doc.Descendants(Svg + "g").Select(g => (string?)g.Attribute("clip-path")).OfType<string>());
        // Standalone, the same drawing with unprefixed ids after the XML declaration.
        Assert.Equal(figure.ToSvg(), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + inline.Replace("figure-7-", ""));
    }

    [Fact]
    public void Render_ProducesStandaloneSvgRootInSvgNamespace()
    {
        var root = Parse(new Figure(1, 1, [ReturnChart()]) { Width = 500, Height = 300 }.ToSvg()).Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("500", (string?)root.Attribute("width"));
        Assert.Equal("300", (string?)root.Attribute("height"));
        Assert.Equal("0 0 500 300", (string?)root.Attribute("viewBox"));
    }

    [Fact]
    public void Render_WritesTitlesAxisLabelsLegendAndTickLabelsAsText()
    {
        var texts = Texts(Parse(new Figure(1, 1, [ReturnChart()]) { Title = "Seed demo" }.ToSvg()));

        Assert.Contains("Seed demo", texts);
        Assert.Contains("Return per episode", texts);
        Assert.Contains("episode", texts);
        Assert.Contains("return", texts);
        Assert.Contains("memory", texts);
        Assert.Contains("baseline", texts);
        Assert.Contains("15", texts);
        Assert.Contains("30", texts);
    }

    [Fact]
    public void Render_NamedSeries_AreListedInTheLegendInOrder()
    {
        var legend = Parse(ReturnChart().ToSvg()).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");

        Assert.Equal(["memory", "baseline"], legend.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void Render_OnlyUnnamedSeries_HasNoLegend()
    {
        var chart = new LineChart("t", "x", "y", [new Series("", [1, 2], [3, 4])]);

        Assert.DoesNotContain(Parse(chart.ToSvg()).Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "legend");
    }

    [Fact]
    public void Render_EscapesXmlInTitles()
    {
        const string title = "a < b & \"c\" > 'd'";
        string svg = new Figure(1, 1, [ReturnChart(title)]) { Title = title }.ToSvg();

        Assert.Contains("a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;", svg);
        Assert.Equal(2, Texts(Parse(svg)).Count(t => t == title));
    }

    [Fact]
    public void Render_DropsCharactersXmlCannotHold()
    {
        string svg = ReturnChart("bell\u0007 and lone \uD800 surrogate").ToSvg();

        Assert.Contains("bell and lone  surrogate", Texts(Parse(svg)));
    }

    [Fact]
    public void Render_LongTitle_IsShortenedWithEllipsis()
    {
        var texts = Texts(Parse(ReturnChart(new string('w', 500)).ToSvg(400, 300)));

        Assert.Contains(texts, t => t.StartsWith("www", StringComparison.Ordinal) && t.EndsWith('…') && t.Length < 100);
    }

    [Fact]
    public void Render_SameFigureTwice_IsByteIdentical()
    {
        static Figure Build() => new(1, 2, [ReturnChart(), ReturnChart("other")]) { Title = "t" };

        Assert.Equal(Build().ToSvg(), Build().ToSvg());
    }

    [Fact]
    public void Render_NumericAttributes_AreInvariantWithAtMostTwoDecimals()
    {
        var doc = Parse(new LineChart("t", "x", "y", [new Series("s", [0, 1.0 / 3, 2.0 / 3], [1e-3, 1.0 / 7, 0.5])]).ToSvg());
        string[] numeric = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "width", "height"];

        var values = doc.Descendants().Attributes().Where(a => numeric.Contains(a.Name.LocalName)).Select(a => a.Value).ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Matches(@"^-?\d+(\.\d{1,2})?$", v));
    }

    [Fact]
    public void Render_ConstantSeries_HasFinitePointsInsidePlotArea()
    {
        var doc = Parse(new LineChart("Steps to goal", "episode", "steps",
            [new Series("steps", Episodes, Episodes.Select(_ => 12.3).ToArray())]).ToSvg());
        var plot = PlotArea(doc);

        var points = PolylinePoints(doc).ToList();

        Assert.Equal(15, points.Count);
        Assert.All(points, p =>
        {
            Assert.True(double.IsFinite(p.X) && double.IsFinite(p.Y));
            Assert.InRange(p.X, plot.X, plot.X + plot.Width);
            Assert.InRange(p.Y, plot.Y, plot.Y + plot.Height);
        });
        Assert.True(points.Select(p => p.Y).Distinct().Count() == 1);
    }

    [Fact]
    public void Render_SinglePoint_DrawsOneMarkerInsidePlotArea()
    {
        var doc = Parse(new LineChart("t", "x", "y", [new Series("s", [5], [-0.05])]).ToSvg());
        var plot = PlotArea(doc);

        var marker = Assert.Single(doc.Descendants(Svg + "circle"));
        double cx = double.Parse((string)marker.Attribute("cx")!, CultureInfo.InvariantCulture);
        Assert.InRange(cx, plot.X, plot.X + plot.Width);
        Assert.Empty(doc.Descendants(Svg + "polyline"));
    }

    [Fact]
    public void Render_ManyPoints_DrawsNoMarkers()
    {
        double[] xs = Enumerable.Range(0, SvgRenderer.MarkerLimit + 1).Select(i => (double)i).ToArray();

        var doc = Parse(new LineChart("t", "x", "y", [new Series("s", xs, xs)]).ToSvg());

        Assert.Empty(doc.Descendants(Svg + "circle"));
        Assert.Single(doc.Descendants(Svg + "polyline"));
    }

    [Fact]
    public void Render_EmptyChart_DrawsAxesAndSaysNoData()
    {
        var doc = Parse(new LineChart("Nothing yet", "x", "y", []).ToSvg());

        Assert.Contains("no data", Texts(doc));
        Assert.Contains("0", Texts(doc));
        Assert.Empty(doc.Descendants(Svg + "polyline"));
    }

    [Fact]
    public void Render_SpreadBand_DrawsTranslucentPolygonAroundTheLine()
    {
        double[] mean = [1, 2, 3];
        var chart = new LineChart("t", "steps", "return", [
            new Series("with band", [0, 1, 2], mean, [0.5, 1.5, 2.5], [1.5, 2.5, 3.5]),
            new Series("no band", [0, 1, 2], mean),
        ]);

        var band = Assert.Single(Parse(chart.ToSvg()).Descendants(Svg + "polygon"));

        Assert.Equal(6, ((string)band.Attribute("points")!).Split(' ').Length);
        Assert.NotNull(band.Attribute("fill-opacity"));
    }

    [Fact]
    public void Render_SeriesColours_FollowPaletteOrder()
    {
        var strokes = Parse(ReturnChart().ToSvg()).Descendants(Svg + "polyline").Select(p => (string?)p.Attribute("stroke"));

        Assert.Equal(SvgRenderer.Palette.Take(2), strokes);
    }

    [Fact]
    public void Render_FixedYRange_LabelsItsEnds()
    {
        var chart = new LineChart("t", "x", "rate", [new Series("", [1, 2], [0.3, 0.4])]) { YMin = 0, YMax = 1 };

        var texts = Texts(Parse(chart.ToSvg()));

        Assert.Contains("0", texts);
        Assert.Contains("1.0", texts);
    }

    [Fact]
    public void Render_TwoByTwoFigure_ContainsFourChartTitles()
    {
        string[] titles = ["Return", "Steps", "Memory size", "Success"];
        var figure = new Figure(2, 2, titles.Select(t => ReturnChart(t))) { Title = "Seed demo" };

        var texts = Texts(Parse(figure.ToSvg()));

        Assert.All(titles, t => Assert.Contains(t, texts));
        Assert.Equal(4, Parse(figure.ToSvg()).Descendants(Svg + "g").Count(g => (string?)g.Attribute("class") == "chart"));
    }
}
