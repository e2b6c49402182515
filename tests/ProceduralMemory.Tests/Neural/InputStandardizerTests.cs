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
    public void StandardizedEncoder_RefusesAStandardizerOfAnotherLength_AndItsFingerprintFollowsTheStatistics()
    {
        var encoder = new VariationalEncoder(2, new VariationalEncoderOptions { LatentSize = 1, HiddenSize = 2 });
        Assert.Throws<ArgumentException>(() => new StandardizedEncoder(encoder, InputStandardizer.Fit([[1f, 2f, 3f]])));
        var first = new StandardizedEncoder(encoder, InputStandardizer.Fit([[1f, 2f], [3f, 4f]]));
        var second = new StandardizedEncoder(encoder, InputStandardizer.Fit([[1f, 2f], [3f, 5f]]));
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
        Assert.Equal(first.Fingerprint, new StandardizedEncoder(encoder, InputStandardizer.Fit([[1f, 2f], [3f, 4f]])).Fingerprint);
    }

    [Fact]
    public void Fit_RefusesNoSamples_AndRaggedOnes()
    {
        Assert.Throws<ArgumentException>(() => InputStandardizer.Fit([]));
        Assert.Throws<ArgumentException>(() => InputStandardizer.Fit([[1f], [1f, 2f]]));
        Assert.Throws<ArgumentException>(() => InputStandardizer.Fit([[1f, 2f]]).Apply([1f]));
    }
}
