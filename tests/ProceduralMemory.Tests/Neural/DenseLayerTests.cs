using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class DenseLayerTests
{
    private static DenseLayer RandomLayer(Rng rng, int inputs, int outputs)
    {
        var layer = new DenseLayer(inputs, outputs);
        GradientCheck.RandomFloats(rng, inputs * outputs).CopyTo(layer.Weights);
        GradientCheck.RandomFloats(rng, outputs).CopyTo(layer.Bias);
        return layer;
    }

    [Fact]
    public void Forward_MatchesDoubleReference()
    {
        var rng = new Rng(1);
        var layer = RandomLayer(rng, 7, 5);
        float[] x = GradientCheck.RandomFloats(rng, 7);
        var y = new float[5];
        layer.Forward(x, y);
        double[] parameters = [.. GradientCheck.ToDouble(layer.Weights), .. GradientCheck.ToDouble(layer.Bias)];
        GradientCheck.AssertClose(GradientCheck.Dense(parameters, GradientCheck.ToDouble(x), 5), y, 1e-5, 1e-5);
    }

    [Fact]
    public void Backward_WeightBiasAndInputGradients_MatchFiniteDifferences()
    {
        var rng = new Rng(2);
        const int inputs = 6, outputs = 4;
        var layer = RandomLayer(rng, inputs, outputs);
        float[] x = GradientCheck.RandomFloats(rng, inputs);
        float[] target = GradientCheck.RandomFloats(rng, outputs);
        // A non-linear loss, L = ½·Σ (y − t)², so that the gradient depends on the forward values.
        double Loss(double[] parameters, double[] input)
        {
            double[] y = GradientCheck.Dense(parameters, input, outputs);
            double sum = 0;
            for (int o = 0; o < outputs; o++)
                sum += 0.5 * (y[o] - target[o]) * (y[o] - target[o]);
            return sum;
        }
        var yFloat = new float[outputs];
        layer.Forward(x, yFloat);
        var dy = new float[outputs];
        for (int o = 0; o < outputs; o++)
            dy[o] = yFloat[o] - target[o];
        var dx = new float[inputs];
        layer.Backward(x, dy, dx);

        double[] parameters = [.. GradientCheck.ToDouble(layer.Weights), .. GradientCheck.ToDouble(layer.Bias)];
        double[] input = GradientCheck.ToDouble(x);
        double[] numeric = GradientCheck.Numeric(parameters, p => Loss(p, input));
        GradientCheck.AssertClose(numeric.AsSpan(0, inputs * outputs), layer.WeightGradients);
        GradientCheck.AssertClose(numeric.AsSpan(inputs * outputs), layer.BiasGradients);
        GradientCheck.AssertClose(GradientCheck.Numeric(input, i => Loss(parameters, i)), dx);
    }

    [Fact]
    public void Backward_AddsToParameterGradients_AndSkipsAnEmptyInputGradient()
    {
        var rng = new Rng(3);
        var layer = RandomLayer(rng, 3, 2);
        float[] x = [1, 2, 3], dy = [0.5f, -1];
        layer.Backward(x, dy, []);
        layer.Backward(x, dy, []);
        Assert.Equal([1, 2, 3, -2, -4, -6], layer.WeightGradients.ToArray());
        Assert.Equal([1, -2], layer.BiasGradients.ToArray());
    }

    [Fact]
    public void Forward_RejectsWrongLengths()
    {
        var layer = new DenseLayer(3, 2);
        Assert.Throws<ArgumentException>(() => layer.Forward(new float[4], new float[2]));
        Assert.Throws<ArgumentException>(() => layer.Forward(new float[3], new float[1]));
    }
}
