using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class InputStandardizerTests
{
    [Fact]
    public void Apply_CentresAndScalesEachDimension_AndLeavesAConstantOneUnscaled()
    {
        var standardizer = InputStandardizer.Fit([[1f, 10f, 5f], [3f, 30f, 5f]]);

        Assert.Equal([2f, 20f, 5f], standardizer.Mean.ToArray());
        Assert.Equal([1f, 10f, 1f], standardizer.Spread.ToArray());
        Assert.Equal([-1f, 1f, 2f], standardizer.Apply([1f, 30f, 7f]));
    }

    [Fact]
    public void Fit_RefusesNoSamples_AndRaggedOnes()
    {
        Assert.Throws<ArgumentException>(() => InputStandardizer.Fit([]));
        Assert.Throws<ArgumentException>(() => InputStandardizer.Fit([[1f], [1f, 2f]]));
        Assert.Throws<ArgumentException>(() => InputStandardizer.Fit([[1f, 2f]]).Apply([1f]));
    }
}
