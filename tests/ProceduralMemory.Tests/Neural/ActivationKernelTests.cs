using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

/// <summary>ReLU and tanh: forward and backward kernels against scalar versions, gradients against finite differences.</summary>
public class ActivationKernelTests
{
    public static TheoryData<HiddenActivation> Activations => [HiddenActivation.Relu, HiddenActivation.Tanh];

    private static void Forward(HiddenActivation kind, ReadOnlySpan<float> x, Span<float> y)
    {
        if (kind == HiddenActivation.Relu) Relu.Forward(x, y); else Tanh.Forward(x, y);
    }

    private static void Backward(HiddenActivation kind, ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        if (kind == HiddenActivation.Relu) Relu.Backward(y, dy, dx); else Tanh.Backward(y, dy, dx);
    }

    private static float ScalarForward(HiddenActivation kind, float x) => kind == HiddenActivation.Relu ? Math.Max(x, 0f) : MathF.Tanh(x);

    private static float ScalarBackward(HiddenActivation kind, float y, float dy) =>
        kind == HiddenActivation.Relu ? (y > 0f ? dy : 0f) : dy * (1f - y * y);

    [Theory]
    [MemberData(nameof(Activations))]
    public void ForwardAndBackward_MatchScalar_ForEveryLength0To256(HiddenActivation kind)
    {
        var rng = new Rng(4);
        for (int n = 0; n <= 256; n++)
        {
            float[] x = GradientCheck.RandomFloats(rng, n, 3);
            if (n > 2)
                x[n / 2] = 0f; // the ReLU kink: its slope there is defined as 0
            float[] dy = GradientCheck.RandomFloats(rng, n);
            var y = new float[n];
            Forward(kind, x, y);
            var dx = new float[n];
            Backward(kind, y, dy, dx);
            float[] inPlace = (float[])dy.Clone();
            Backward(kind, y, inPlace, inPlace);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(ScalarForward(kind, x[i]), y[i], 1e-6f);
                float expected = ScalarBackward(kind, y[i], dy[i]);
                Assert.True(Math.Abs(expected - dx[i]) <= 1e-6f, $"length {n}, index {i}: {expected} vs {dx[i]}");
                Assert.Equal(dx[i], inPlace[i]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Backward_MatchesFiniteDifferences(HiddenActivation kind)
    {
        // Points kept away from ReLU's kink, where a finite difference straddles two slopes.
        float[] x = [-2.5f, -1f, -0.3f, 0.2f, 0.7f, 1.5f, 3f];
        float[] dy = [0.3f, -1.2f, 0.8f, 1.1f, -0.4f, 2f, -0.9f];
        var y = new float[x.Length];
        Forward(kind, x, y);
        var dx = new float[x.Length];
        Backward(kind, y, dy, dx);
        double Loss(double[] input)
        {
            double sum = 0;
            for (int i = 0; i < input.Length; i++)
                sum += dy[i] * (kind == HiddenActivation.Relu ? Math.Max(input[i], 0) : Math.Tanh(input[i]));
            return sum;
        }
        GradientCheck.AssertClose(GradientCheck.Numeric(GradientCheck.ToDouble(x), Loss), dx);
    }

    [Fact]
    public void Backward_RejectsDifferentLengths() =>
        Assert.Throws<ArgumentException>(() => Relu.Backward(new float[3], new float[3], new float[2]));
}
