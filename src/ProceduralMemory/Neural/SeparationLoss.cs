namespace ProceduralMemory.Neural;

/// <summary>
/// A contrastive term on a minibatch's code means, by label (the skill a training sample belongs to): it pulls each
/// mean toward its label's mean and pushes the label means apart, both by cosine, as keys are compared:
/// <c>(1/N) Σᵢ (1 − cos(μᵢ, m_yᵢ)) + (1/P) Σ_{c&lt;d} max(0, cos(m_c, m_d))</c>, where <c>m_c</c> is the mean of the
/// batch's codes labelled <c>c</c> and <c>P</c> the number of pairs of labels present in the batch. The push stops at
/// orthogonal label means (cosine distance 1), so it asks for room between skills, not for an arrangement.
/// </summary>
/// <remarks>
/// Forward and gradient are one pass (<see cref="Evaluate"/>), checked against finite differences in the tests.
/// Buffers are sized once for the label count, so an evaluation allocates nothing. Not thread-safe.
/// </remarks>
public sealed class SeparationLoss
{
    private const double Tiny = 1e-12;
    private readonly int _latent;
    private readonly float[] _labelMeans, _labelGradients;
    private readonly int[] _counts, _present;

    /// <summary>A term for codes of <paramref name="latentSize"/> numbers and labels 0 to <paramref name="labelCount"/> − 1.</summary>
    public SeparationLoss(int latentSize, int labelCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latentSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(labelCount);
        _latent = latentSize;
        _labelMeans = new float[labelCount * latentSize];
        _labelGradients = new float[labelCount * latentSize];
        _counts = new int[labelCount];
        _present = new int[labelCount];
    }

    /// <summary>How many labels the term takes.</summary>
    public int LabelCount => _counts.Length;

    /// <summary>
    /// The term for the batch's <paramref name="means"/> (one code after another) and their <paramref name="labels"/>;
    /// writes <paramref name="weight"/> times its gradient with respect to each mean into <paramref name="gradients"/>.
    /// </summary>
    public float Evaluate(ReadOnlySpan<float> means, ReadOnlySpan<int> labels, float weight, Span<float> gradients)
    {
        int n = labels.Length, latent = _latent;
        if (means.Length != n * latent || gradients.Length != n * latent)
            throw new ArgumentException($"Expected {n} codes of {latent} numbers in and out, got {means.Length} and {gradients.Length} numbers.");
        Array.Clear(_labelMeans);
        Array.Clear(_labelGradients);
        Array.Clear(_counts);
        int presentCount = 0;
        for (int i = 0; i < n; i++)
        {
            int label = labels[i];
            if ((uint)label >= (uint)_counts.Length)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"Labels run from 0 to {_counts.Length - 1}.");
            if (_counts[label]++ == 0)
                _present[presentCount++] = label;
            Add(_labelMeans.AsSpan(label * latent, latent), means.Slice(i * latent, latent), 1f);
        }
        for (int p = 0; p < presentCount; p++)
            Scale(_labelMeans.AsSpan(_present[p] * latent, latent), 1f / _counts[_present[p]]);
        gradients.Clear();
        double loss = 0;

        // Pull: each code toward its label's mean. Its gradient reaches the mean's codes through the label mean.
        float pull = weight / n;
        for (int i = 0; i < n; i++)
        {
            int label = labels[i];
            loss += (1.0 - Cosine(means.Slice(i * latent, latent), _labelMeans.AsSpan(label * latent, latent),
                gradients.Slice(i * latent, latent), _labelGradients.AsSpan(label * latent, latent), -pull)) / n;
        }

        // Push: the label means apart until orthogonal.
        int pairs = presentCount * (presentCount - 1) / 2;
        for (int p = 0; p < presentCount; p++)
            for (int q = p + 1; q < presentCount; q++)
            {
                Span<float> first = _labelMeans.AsSpan(_present[p] * latent, latent), second = _labelMeans.AsSpan(_present[q] * latent, latent);
                if (CosineOf(first, second) <= 0)
                    continue;
                loss += Cosine(first, second, _labelGradients.AsSpan(_present[p] * latent, latent),
                    _labelGradients.AsSpan(_present[q] * latent, latent), weight / pairs) / pairs;
            }

        // A label mean is the average of its codes: each code gets its share of the mean's gradient.
        for (int i = 0; i < n; i++)
            Add(gradients.Slice(i * latent, latent), _labelGradients.AsSpan(labels[i] * latent, latent), 1f / _counts[labels[i]]);
        return (float)loss;
    }

    /// <summary>cos(a, b); adds <paramref name="scale"/> times its gradient with respect to a and b to theirs (nothing when either is zero).</summary>
    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> aGradient, Span<float> bGradient, float scale)
    {
        var (dot, aa, bb) = Products(a, b);
        if (aa < Tiny || bb < Tiny)
            return 0;
        double norms = Math.Sqrt(aa * bb), cosine = dot / norms;
        // ∂cos/∂a = b/(|a||b|) − cos·a/|a|², and symmetrically for b.
        for (int k = 0; k < a.Length; k++)
        {
            aGradient[k] += (float)(scale * (b[k] / norms - cosine * a[k] / aa));
            bGradient[k] += (float)(scale * (a[k] / norms - cosine * b[k] / bb));
        }
        return cosine;
    }

    private static double CosineOf(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var (dot, aa, bb) = Products(a, b);
        return aa < Tiny || bb < Tiny ? 0 : dot / Math.Sqrt(aa * bb);
    }

    /// <summary>a·b, a·a and b·b in double precision.</summary>
    private static (double Dot, double Aa, double Bb) Products(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (int k = 0; k < a.Length; k++)
        {
            dot += (double)a[k] * b[k];
            aa += (double)a[k] * a[k];
            bb += (double)b[k] * b[k];
        }
        return (dot, aa, bb);
    }

    private static void Add(Span<float> sum, ReadOnlySpan<float> value, float scale)
    {
        for (int k = 0; k < sum.Length; k++)
            sum[k] += scale * value[k];
    }

    private static void Scale(Span<float> values, float scale)
    {
        for (int k = 0; k < values.Length; k++)
            values[k] *= scale;
    }
}
