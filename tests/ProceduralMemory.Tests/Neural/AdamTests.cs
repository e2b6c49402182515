using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class AdamTests
{
    [Fact]
    public void Steps_OnAQuadratic_MatchHandComputedValues()
    {
        // f(x) = (x − 3)², f'(x) = 2(x − 3), from x = 0 with α = 0.1, β1 = 0.9, β2 = 0.999.
        // Step 1: g = −6, m = −0.6, v = 0.036, m̂ = −6, v̂ = 36, x = 0.1·6/(6 + 1e−8) ≈ 0.1.
        // Step 2: g = −5.8, m = −1.12, v = 0.069604, m̂ = −1.12/0.19, v̂ = 0.069604/0.001999,
        //         x = 0.1 + 0.1·(1.12/0.19)/√(0.069604/0.001999) = 0.1998973.
        var adam = new Adam(learningRate: 0.1f);
        float[] x = [0f];
        float[] expected = [0.1f, 0.1998973f];
        foreach (float value in expected)
        {
            adam.Step(x, [2 * (x[0] - 3)]);
            Assert.Equal(value, x[0], 1e-6f);
        }
        Assert.Equal(2, adam.StepCount);
    }

    [Fact]
    public void Step_MatchesScalarReference_ForEveryLength0To256()
    {
        var rng = new Rng(5);
        for (int n = 0; n <= 256; n++)
        {
            var adam = new Adam(learningRate: 0.01f, weightDecay: 0.1f);
            float[] parameters = GradientCheck.RandomFloats(rng, n);
            double[] reference = GradientCheck.ToDouble(parameters);
            var m = new double[n];
            var v = new double[n];
            for (int t = 1; t <= 3; t++)
            {
                float[] gradients = GradientCheck.RandomFloats(rng, n);
                adam.Step(parameters, gradients);
                for (int i = 0; i < n; i++)
                {
                    m[i] = 0.9 * m[i] + 0.1 * gradients[i];
                    v[i] = 0.999 * v[i] + 0.001 * gradients[i] * gradients[i];
                    double mHat = m[i] / (1 - Math.Pow(0.9, t)), vHat = v[i] / (1 - Math.Pow(0.999, t));
                    reference[i] = reference[i] * (1 - 0.01 * 0.1) - 0.01 * mHat / (Math.Sqrt(vHat) + 1e-8);
                }
            }
            GradientCheck.AssertClose(reference, parameters, 1e-6, 1e-5);
        }
    }

    [Fact]
    public void ManySteps_ReduceTheLoss_TowardsTheMinimum()
    {
        var adam = new Adam(learningRate: 0.05f);
        float[] x = [5f, -4f];
        float Loss() => (x[0] - 1) * (x[0] - 1) + 10 * (x[1] + 2) * (x[1] + 2);
        float initial = Loss();
        for (int t = 0; t < 2000; t++)
            adam.Step(x, [2 * (x[0] - 1), 20 * (x[1] + 2)]);
        Assert.True(Loss() < initial * 1e-4f, $"loss {Loss()} from {initial}");
    }

    [Fact]
    public void Step_WithAnotherParameterCount_Throws()
    {
        var adam = new Adam();
        adam.Step(new float[3], new float[3]);
        Assert.Throws<ArgumentException>(() => adam.Step(new float[4], new float[4]));
        Assert.Throws<ArgumentException>(() => adam.Step(new float[3], new float[2]));
    }

    [Fact]
    public void Constructor_RejectsInvalidHyperParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(learningRate: 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: 1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(epsilon: float.NaN));
    }
}
