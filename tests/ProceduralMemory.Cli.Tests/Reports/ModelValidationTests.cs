using ProceduralMemory.Cli.Reports;

namespace ProceduralMemory.Cli.Tests.Reports;

public class ModelValidationTests
{
    [Fact]
    public void Series_LengthMismatch_ThrowsNamingTheSeries()
    {
        var error = Assert.Throws<ArgumentException>(() => new Series("agent", [1, 2, 3], [1, 2]));

        Assert.Contains("agent", error.Message);
        Assert.Contains("y has 2 values but x has 3", error.Message);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Series_NonFiniteValue_Throws(double bad)
    {
        var error = Assert.Throws<ArgumentException>(() => new Series("s", [1, 2], [0, bad]));

        Assert.Contains("y[1]", error.Message);
    }

    [Fact]
    public void Series_BandWithOneEdge_Throws() =>
        Assert.Throws<ArgumentException>(() => new Series("s", [1], [1], lower: [0]));

    [Fact]
    public void Series_BandLengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => new Series("s", [1, 2], [1, 2], [0, 0], [2]));

    [Fact]
    public void Series_LowerAboveUpper_Throws() =>
        Assert.Throws<ArgumentException>(() => new Series("s", [1], [1], lower: [2], upper: [0]));

    [Fact]
    public void Series_CopiesItsInput()
    {
        double[] y = [1, 2];
        var series = new Series("s", [1, 2], y);
        y[0] = 99;

        Assert.Equal(1, series.Y[0]);
    }

    [Fact]
    public void LineChart_ReversedRange_Throws() =>
        Assert.Throws<ArgumentException>(() => new LineChart("t", "x", "y", []) { YMax = 0, YMin = 1 });

    [Fact]
    public void LineChart_NonFiniteBound_Throws() =>
        Assert.Throws<ArgumentException>(() => new LineChart("t", "x", "y", []) { XMin = double.NaN });

    [Fact]
    public void Figure_MoreChartsThanCells_Throws() =>
        Assert.Throws<ArgumentException>(() => new Figure(1, 1, [new LineChart("a", "", "", []), new LineChart("b", "", "", [])]));
}
