using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

/// <summary><see cref="Mlp.Backward(ReadOnlySpan{float}, ReadOnlySpan{float})"/>: back-propagating an arbitrary output gradient.</summary>
public class MlpBackwardTests
{
    private static readonly int[] Sizes = [5, 4, 3, 3];

    private static Mlp Network(HiddenActivation activation)
    {
        var mlp = new Mlp(5, [4, 3], 3, seed: 21, activation);
        var rng = new Rng(22);
        // Non-zero biases so that no hidden unit sits exactly on ReLU's kink.
        Span<float> parameters = [.. mlp.Parameters];
        for (int i = 0; i < parameters.Length; i++)
            parameters[i] += (float)(0.1 * (rng.NextDouble() - 0.5));
        mlp.LoadWeights(new MlpWeights(Sizes, activation, parameters));
        return mlp;
    }

    [Theory]
    [InlineData(HiddenActivation.Relu)]
    [InlineData(HiddenActivation.Tanh)]
    public void Gradients_OfALinearFunctionOfTheOutputs_AccumulatedOverTwoInputs_MatchFiniteDifferences(HiddenActivation activation)
    {
        Mlp mlp = Network(activation);
        var rng = new Rng(23);
        float[] first = GradientCheck.RandomFloats(rng, 5, 2), second = GradientCheck.RandomFloats(rng, 5, 2);
        float[] firstWeights = [0.7f, -1.3f, 0.4f], secondWeights = [-0.2f, 0.9f, 1.1f];
        var outputs = new float[3];

        mlp.ClearGradients();
        mlp.Forward(first, outputs);
        mlp.Backward(first, firstWeights);
        mlp.Forward(second, outputs);
        mlp.Backward(second, secondWeights);

        // The loss Σₖ wₖ·outₖ(x₁) + Σₖ vₖ·outₖ(x₂): its gradient is what the two output gradients back-propagate to.
        double Loss(double[] p)
        {
            double[] a = GradientCheck.MlpLogits(Sizes, activation, p, GradientCheck.ToDouble(first));
            double[] b = GradientCheck.MlpLogits(Sizes, activation, p, GradientCheck.ToDouble(second));
            double total = 0;
            for (int k = 0; k < 3; k++)
                total += firstWeights[k] * a[k] + secondWeights[k] * b[k];
            return total;
        }
        double[] reference = GradientCheck.ToDouble(mlp.Parameters);
        GradientCheck.AssertClose(GradientCheck.Numeric(reference, Loss), mlp.Gradients);
    }

    [Theory]
    [InlineData(HiddenActivation.Relu)]
    [InlineData(HiddenActivation.Tanh)]
    public void InputGradient_MatchesFiniteDifferences_AndTheParameterGradientIsTheSame(HiddenActivation activation)
    {
        Mlp mlp = Network(activation);
        float[] input = GradientCheck.RandomFloats(new Rng(26), 5, 2);
        float[] weights = [0.7f, -1.3f, 0.4f];
        var outputs = new float[3];
        mlp.ClearGradients();
        mlp.Forward(input, outputs);
        mlp.Backward(input, weights);
        float[] without = mlp.Gradients.ToArray();

        var inputGradient = new float[5];
        mlp.ClearGradients();
        mlp.Forward(input, outputs);
        mlp.Backward(input, weights, inputGradient);

        double[] parameters = GradientCheck.ToDouble(mlp.Parameters);
        double Loss(double[] x)
        {
            double[] logits = GradientCheck.MlpLogits(Sizes, activation, parameters, x);
            return weights[0] * logits[0] + weights[1] * logits[1] + weights[2] * logits[2];
        }
        GradientCheck.AssertClose(GradientCheck.Numeric(GradientCheck.ToDouble(input), Loss), inputGradient);
        Assert.Equal(without, mlp.Gradients.ToArray());
        Assert.Throws<ArgumentException>(() => mlp.Backward(input, weights, new float[4]));
    }

    [Fact]
    public void ClearGradients_ZeroesThem_AndScaleGradients_MultipliesThem()
    {
        Mlp mlp = Network(HiddenActivation.Tanh);
        float[] input = GradientCheck.RandomFloats(new Rng(24), 5);
        var outputs = new float[3];
        mlp.Forward(input, outputs);
        mlp.Backward(input, [1f, 2f, 3f]);
        float[] once = mlp.Gradients.ToArray();
        double squared = once.Sum(g => (double)g * g);

        Assert.Equal(squared, mlp.GradientSquaredNorm(), 6);
        mlp.ScaleGradients(0.5f);
        Assert.Equal(once.Select(g => g * 0.5f), mlp.Gradients.ToArray());
        mlp.ClearGradients();
        Assert.All(mlp.Gradients.ToArray(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Backward_RejectsAnOutputGradientOfTheWrongLength()
    {
        Mlp mlp = Network(HiddenActivation.Relu);
        Assert.Throws<ArgumentException>(() => mlp.Backward(new float[5], new float[2]));
        Assert.Throws<ArgumentException>(() => mlp.Backward(new float[4], new float[3]));
    }

    [Fact]
    public void ApplyGradients_StepsTheOptimiserAgainstTheGradient()
    {
        Mlp mlp = Network(HiddenActivation.Tanh);
        float[] input = GradientCheck.RandomFloats(new Rng(25), 5);
        var outputs = new float[3];
        mlp.Forward(input, outputs);
        float before = outputs[0];
        mlp.ClearGradients();
        mlp.Backward(input, [1f, 0f, 0f]); // the gradient of output 0 itself
        mlp.ApplyGradients(new Adam(0.01f));
        mlp.Forward(input, outputs);
        Assert.True(outputs[0] < before, $"Output 0 went from {before} to {outputs[0]}; a step against its gradient lowers it.");
    }
}
