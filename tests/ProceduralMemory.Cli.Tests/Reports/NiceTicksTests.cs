using ProceduralMemory.Cli.Reports;

namespace ProceduralMemory.Cli.Tests.Reports;

public class NiceTicksTests
{
    [Fact]
    public void Compute_ZeroToOne_StepsByTwoTenths() =>
        Assert.Equal([0, 0.2, 0.4, 0.6, 0.8, 1], NiceTicks.Compute(0, 1).Values);

    [Fact]
    public void Compute_ZeroToFifteen_GivesRoundIntegers() =>
        Assert.Equal([0, 5, 10, 15], NiceTicks.Compute(0, 15, integerOnly: true).Values);

    [Fact]
    public void Compute_IntegerOnlyNarrowRange_NeverStepsBelowOne() =>
        Assert.Equal([1, 2, 3], NiceTicks.Compute(1, 3, integerOnly: true).Values);

    [Fact]
    public void Compute_ConstantRange_CentresAWindowOnTheValue()
    {
        var scale = NiceTicks.Compute(12.3, 12.3);

        Assert.True(scale.Min < 12.3 && 12.3 < scale.Max, $"{scale.Min}..{scale.Max}");
        Assert.True(scale.Values.Count >= 3);
        Assert.All(scale.Values, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Compute_ConstantZero_SpansMinusOneToOne()
    {
        var scale = NiceTicks.Compute(0, 0);

        Assert.Equal(-1, scale.Min);
        Assert.Equal(1, scale.Max);
    }

    [Fact]
    public void Compute_NegativeToPositive_CoversRangeIncludingZero()
    {
        var scale = NiceTicks.Compute(-3, 7);

        Assert.Equal(2, scale.Step);
        Assert.Equal([-4, -2, 0, 2, 4, 6, 8], scale.Values);
    }

    [Fact]
    public void Compute_ZeroToTwentyThousand_StepsByFiveThousand() =>
        Assert.Equal([0, 5000, 10000, 15000, 20000], NiceTicks.Compute(0, 20000).Values);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0.001, 0.0013)]
    [InlineData(-1e6, 3e7)]
    [InlineData(99.5, 100.5)]
    [InlineData(1e15, 1e15)]
    [InlineData(0, 5e-324)]
    [InlineData(-1e300, 1e300)]
    public void Compute_AnyRange_CoversItWithAtMostMaxTicksOfA125Step(double min, double max)
    {
        var scale = NiceTicks.Compute(min, max, maxTicks: 6);

        Assert.InRange(scale.Values.Count, 2, 6);
        Assert.True(scale.Min <= min && scale.Max >= max);
        double mantissa = scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step)));
        Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
    }

    [Fact]
    public void Labels_LargeValues_UseThousandsSuffix() =>
        Assert.Equal(["0", "5k", "10k", "15k", "20k"], NiceTicks.Labels(NiceTicks.Compute(0, 20000)));

    [Fact]
    public void Labels_Millions_UseMillionSuffixWithStepDecimals() =>
        Assert.Equal(["0", "0.5M", "1.0M", "1.5M", "2.0M"], NiceTicks.Labels(NiceTicks.Compute(0, 2e6, maxTicks: 5)));

    [Fact]
    public void Labels_SmallStep_ShowsTheDecimalsTheStepNeeds() =>
        Assert.Equal(["0", "0.05", "0.10", "0.15", "0.20"], NiceTicks.Labels(NiceTicks.Compute(0, 0.2)));

    [Fact]
    public void Labels_Negative_UseMinusSign() =>
        Assert.Equal($"{NiceTicks.Minus}4", NiceTicks.Labels(NiceTicks.Compute(-3, 7))[0]);

    [Fact]
    public void Resolve_FixedBounds_AreKeptExactly()
    {
        var scale = NiceTicks.Resolve([3, 7], fixedMin: 0.5, fixedMax: 9.5, maxTicks: 7);

        Assert.Equal(0.5, scale.Min);
        Assert.Equal(9.5, scale.Max);
        Assert.All(scale.Values, v => Assert.InRange(v, 0.5, 9.5));
    }

    [Fact]
    public void Resolve_FixedMinAboveAllData_StillGivesAnIncreasingRange()
    {
        var scale = NiceTicks.Resolve([1, 2], fixedMin: 5, fixedMax: null, maxTicks: 7);

        Assert.Equal(5, scale.Min);
        Assert.True(scale.Max > 5);
    }

    [Fact]
    public void Resolve_NoData_UsesZeroToOne()
    {
        var scale = NiceTicks.Resolve([], null, null, maxTicks: 7);

        Assert.Equal((0.0, 1.0), (scale.Min, scale.Max));
    }

    [Fact]
    public void Resolve_IntegerData_GetsIntegerTicks() =>
        Assert.All(NiceTicks.Resolve([1, 2, 3], null, null, maxTicks: 10).Values, v => Assert.Equal(Math.Round(v), v));
}
