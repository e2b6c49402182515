using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Forward_MatchesDoubleReference_AndWritesProbabilitiesSummingToOne()
    {
        float[] logits = [0.5f, -1.25f, 2f, 0f];
        var probabilities = new float[4];
        float loss = SoftmaxCrossEntropy.Forward(logits, 2, probabilities);
        Assert.Equal(GradientCheck.CrossEntropy(GradientCheck.ToDouble(logits), 2), loss, 1e-6);
        Assert.Equal(1f, probabilities.Sum(), 1e-6f);
        Assert.Equal(Math.Exp(-GradientCheck.CrossEntropy(GradientCheck.ToDouble(logits), 0)), probabilities[0], 1e-6);
    }

    [Fact]
    public void Forward_IsStable_ForHugeLogits()
    {
        // Naive exp(1000) overflows to infinity; the log-sum-exp shift must not.
        float[] logits = [1000f, 999f, -1000f];
        var probabilities = new float[3];
        float loss = SoftmaxCrossEntropy.Forward(logits, 1, probabilities);
        Assert.Equal(GradientCheck.CrossEntropy([1000, 999, -1000], 1), loss, 1e-5);
        Assert.All(probabilities, p => Assert.True(float.IsFinite(p)));
        Assert.Equal(0f, probabilities[2]);
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        float[] logits = [0.3f, -0.7f, 1.9f, 0.05f, -2f];
        const int label = 3;
        const float scale = 0.75f;
        var probabilities = new float[5];
        SoftmaxCrossEntropy.Forward(logits, label, probabilities);
        var gradient = new float[5];
        SoftmaxCrossEntropy.Backward(probabilities, label, scale, gradient);
        double[] numeric = GradientCheck.Numeric(GradientCheck.ToDouble(logits), z => scale * GradientCheck.CrossEntropy(z, label));
        GradientCheck.AssertClose(numeric, gradient, 1e-6, 1e-4);
    }

    [Fact]
    public void Forward_RejectsLabelOutOfRange_AndEmptyLogits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SoftmaxCrossEntropy.Forward([1f, 2f], 2, new float[2]));
        Assert.Throws<ArgumentException>(() => SoftmaxCrossEntropy.Softmax([], []));
    }
}
