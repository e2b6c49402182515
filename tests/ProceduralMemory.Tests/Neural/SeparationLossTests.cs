using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

/// <summary><see cref="SeparationLoss"/>: its value and gradient against a double-precision reference and finite differences.</summary>
public class SeparationLossTests
{
    private const int Latent = 3;

    /// <summary>The term the class documents, in doubles: the pull to each label's mean, and the hinge on label means' cosines.</summary>
    internal static double Reference(ReadOnlySpan<double> means, int[] labels)
    {
        int n = labels.Length;
        int[] present = [.. labels.Distinct()];
        var centre = new Dictionary<int, double[]>();
        foreach (int label in present)
        {
            var sum = new double[Latent];
            int count = 0;
            for (int i = 0; i < n; i++)
                if (labels[i] == label)
                {
                    count++;
                    for (int k = 0; k < Latent; k++)
                        sum[k] += means[i * Latent + k];
                }
            centre[label] = [.. sum.Select(s => s / count)];
        }
        double loss = 0;
        for (int i = 0; i < n; i++)
            loss += (1 - Cosine(means.Slice(i * Latent, Latent).ToArray(), centre[labels[i]])) / n;
        int pairs = present.Length * (present.Length - 1) / 2;
        for (int p = 0; p < present.Length; p++)
            for (int q = p + 1; q < present.Length; q++)
                loss += Math.Max(0, Cosine(centre[present[p]], centre[present[q]])) / pairs;
        return loss;
    }

    private static double Cosine(double[] a, double[] b) =>
        a.Zip(b, (x, y) => x * y).Sum() / Math.Sqrt(a.Sum(x => x * x) * b.Sum(x => x * x));

    [Fact]
    public void LossAndGradient_MatchTheDoublePrecisionReference_AndFiniteDifferences()
    {
        // Three labels, one of them with a single code (its pull is zero), and label means pointing both ways.
        int[] labels = [0, 1, 0, 2, 1, 1, 0];
        float[] means = GradientCheck.RandomFloats(new Rng(41), labels.Length * Latent, 1.5);
        var term = new SeparationLoss(Latent, labelCount: 4);
        var gradients = new float[means.Length];

        float loss = term.Evaluate(means, labels, weight: 2.5f, gradients);

        double[] at = GradientCheck.ToDouble(means);
        Assert.Equal(Reference(at, labels), loss, 5);
        GradientCheck.AssertClose(GradientCheck.Numeric(at, m => 2.5 * Reference(m, labels)), gradients);
        Assert.Contains(gradients, g => g != 0f);
    }

    [Fact]
    public void OneLabel_OnlyPulls_AndCodesOnTheirLabelMean_AndOrthogonalLabels_CostNothing()
    {
        var term = new SeparationLoss(Latent, labelCount: 2);
        var gradients = new float[4 * Latent];
        // Two labels, each of two copies of one code, the two codes orthogonal: nothing to pull, nothing to push.
        float[] means = [1, 0, 0, 2, 0, 0, 0, 1, 0, 0, 3, 0];
        Assert.Equal(0f, term.Evaluate(means, [0, 0, 1, 1], 1f, gradients), 6);
        Assert.All(gradients, g => Assert.Equal(0f, g, 6));

        // Alike label means are pushed apart: the gradient step lowers their cosine.
        float[] alike = [1, 0.1f, 0, 1, 0.2f, 0, 1, -0.1f, 0.05f, 1, -0.2f, 0];
        float before = term.Evaluate(alike, [0, 0, 1, 1], 1f, gradients);
        float[] stepped = [.. alike.Select((m, i) => m - 0.1f * gradients[i])];
        Assert.True(term.Evaluate(stepped, [0, 0, 1, 1], 1f, gradients) < before);
    }

    [Fact]
    public void Evaluate_AllocatesNothing_AndRefusesBadLabelsAndLengths()
    {
        var term = new SeparationLoss(Latent, labelCount: 3);
        int[] labels = [0, 1, 2, 1];
        float[] means = GradientCheck.RandomFloats(new Rng(42), labels.Length * Latent), gradients = new float[means.Length];
        term.Evaluate(means, labels, 1f, gradients);
        long before = GC.GetAllocatedBytesForCurrentThread();
        term.Evaluate(means, labels, 1f, gradients);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        Assert.Throws<ArgumentOutOfRangeException>(() => term.Evaluate(means, [0, 1, 3, 1], 1f, gradients));
        Assert.Throws<ArgumentException>(() => term.Evaluate(means, [0, 1, 2], 1f, gradients));
    }
}
