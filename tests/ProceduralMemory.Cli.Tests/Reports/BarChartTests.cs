using System.Globalization;
using System.Xml.Linq;
using ProceduralMemory.Cli.Reports;

namespace ProceduralMemory.Cli.Tests.Reports;

public class BarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static BarChart Chart() => new("Normalised return", "eval return / shortest plans' return",
        [new Bar("empty-5x5", 0.95, 0.9, 1.0), new Bar("fourrooms", 0.45), new Bar("keycorridor-s6r3", null)])
    {
        Reference = 0.9,
        ReferenceLabel = "target 0.9",
    };

    private static double Attribute(XElement element, string name) =>
        double.Parse((string)element.Attribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public void EachValueIsABarProportionalToItsValue_AndAMissingValueSaysNotAvailable()
    {
        XDocument svg = XDocument.Parse(Chart().ToSvg());

        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        Assert.Equal(2, bars.Count);
        Assert.Equal(0.95 / 0.45, Attribute(bars[0], "width") / Attribute(bars[1], "width"), precision: 2);
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("keycorridor-s6r3", texts);
        Assert.Contains("n/a", texts);
        Assert.Contains("0.45", texts);
    }

    [Fact]
    public void TheReferenceLineStandsAtItsValue_BetweenTheBarsOfValuesEitherSide()
    {
        XDocument svg = XDocument.Parse(Chart().ToSvg());

        var bars = svg.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("class") == "bar").ToList();
        double left = Attribute(bars[0], "x");
        XElement reference = svg.Descendants(Svg + "line").Single(l => (string?)l.Attribute("class") == "reference");
        double x = Attribute(reference, "x1");
        Assert.InRange(x, left + Attribute(bars[1], "width"), left + Attribute(bars[0], "width"));
        Assert.Equal(0.9 / 0.95, (x - left) / Attribute(bars[0], "width"), precision: 2);
        Assert.Contains("target 0.9", svg.Descendants(Svg + "text").Select(t => t.Value));
    }

    [Fact]
    public void TheSameChartGivesTheSameText() => Assert.Equal(Chart().ToSvg(), Chart().ToSvg());
}
