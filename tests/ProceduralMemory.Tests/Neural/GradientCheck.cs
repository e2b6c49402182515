using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

/// <summary>Double-precision references and central finite differences that the float kernels are checked against.</summary>
internal static class GradientCheck
{
    public static double[] Numeric(double[] x, Func<double[], double> f, double h = 1e-6)
    {
        var gradient = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double saved = x[i];
            x[i] = saved + h;
            double up = f(x);
            x[i] = saved - h;
            double down = f(x);
            x[i] = saved;
            gradient[i] = (up - down) / (2 * h);
        }
        return gradient;
    }

    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double absolute = 1e-4, double relative = 1e-3)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = absolute + relative * Math.Abs(expected[i]);
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"Index {i}: expected {expected[i]}, got {actual[i]}.");
        }
    }

    public static float[] RandomFloats(Rng rng, int length, double scale = 1.0)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
            values[i] = (float)((2 * rng.NextDouble() - 1) * scale);
        return values;
    }

    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }

    /// <summary><c>W·x + b</c> with the <see cref="DenseLayer"/> layout: row-major weights, then biases.</summary>
    public static double[] Dense(ReadOnlySpan<double> parameters, ReadOnlySpan<double> x, int outputs)
    {
        var y = new double[outputs];
        for (int o = 0; o < outputs; o++)
        {
            double sum = parameters[x.Length * outputs + o];
            for (int i = 0; i < x.Length; i++)
                sum += parameters[o * x.Length + i] * x[i];
            y[o] = sum;
        }
        return y;
    }

    public static double CrossEntropy(ReadOnlySpan<double> logits, int label)
    {
        double max = double.NegativeInfinity;
        foreach (double z in logits)
            max = Math.Max(max, z);
        double sum = 0;
        foreach (double z in logits)
            sum += Math.Exp(z - max);
        return max + Math.Log(sum) - logits[label];
    }

    public static double[] MlpLogits(int[] sizes, HiddenActivation activation, ReadOnlySpan<double> parameters, double[] input)
    {
        double[] a = input;
        int offset = 0;
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            int count = sizes[l] * sizes[l + 1] + sizes[l + 1];
            a = Dense(parameters.Slice(offset, count), a, sizes[l + 1]);
            offset += count;
            if (l + 2 < sizes.Length)
                for (int i = 0; i < a.Length; i++)
                    a[i] = activation == HiddenActivation.Relu ? Math.Max(a[i], 0) : Math.Tanh(a[i]);
        }
        return a;
    }

    /// <summary>The batch loss <see cref="Mlp.TrainStep"/> documents: Σ wᵢ·lossᵢ / n.</summary>
    public static double MlpBatchLoss(int[] sizes, HiddenActivation activation, double[] parameters, float[] inputs, int[] labels, float[] weights)
    {
        int n = labels.Length, features = sizes[0];
        double total = 0;
        for (int s = 0; s < n; s++)
        {
            double[] logits = MlpLogits(sizes, activation, parameters, ToDouble(inputs.AsSpan(s * features, features)));
            total += weights[s] * CrossEntropy(logits, labels[s]);
        }
        return total / n;
    }
}
