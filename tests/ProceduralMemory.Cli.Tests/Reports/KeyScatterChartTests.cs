using System.Text.RegularExpressions;
using ProceduralMemory.Cli.Reports;

namespace ProceduralMemory.Cli.Tests.Reports;

public class KeyScatterChartTests
{
    [Fact]
    public void PrincipalPlane_OfPointsOnALine_PutsTheirSpreadOnTheFirstAxis_InOrder()
    {
        float[][] points = [[0f, 0f, 0f], [1f, 2f, 2f], [2f, 4f, 4f], [3f, 6f, 6f]];

        (double X, double Y)[] projected = PrincipalPlane.Project(points);

        Assert.All(projected, p => Assert.Equal(0.0, p.Y, 6));
        double[] xs = [.. projected.Select(p => Math.Abs(p.X - projected[0].X))];
        Assert.Equal([0.0, 3.0, 6.0, 9.0], xs.Select(x => Math.Round(x, 6)));
    }

    [Fact]
    public void PrincipalPlane_OfAPlane_FindsBothAxes()
    {
        float[][] points = [[3f, 0f, 0f], [-3f, 0f, 0f], [0f, 1f, 0f], [0f, -1f, 0f]];

        (double X, double Y)[] projected = PrincipalPlane.Project(points);

        Assert.Equal(3.0, Math.Abs(projected[0].X), 6);
        Assert.Equal(1.0, Math.Abs(projected[2].Y), 6);
        Assert.Equal(0.0, projected[2].X, 6);
    }

    [Fact]
    public void Chart_HasOneDotPerKeyInEachPanel_ColouredBySkill_AndALegend()
    {
        string[] skills = ["b", "a", "b"];
        float[][] keys = [[1f, 0f], [0f, 1f], [0.9f, 0.1f]];

        string svg = KeyScatterChart.ToSvg("keys", skills, [("left", keys), ("right", keys)]);

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(2 * 3 + 2, Regex.Matches(svg, "<circle").Count); // two panels of three, and two legend dots
        Assert.Contains(">left<", svg, StringComparison.Ordinal);
        Assert.Equal(svg, KeyScatterChart.ToSvg("keys", skills, [("left", keys), ("right", keys)]));
    }
}
