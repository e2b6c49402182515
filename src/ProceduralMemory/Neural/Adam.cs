using System.Numerics.Tensors;

namespace ProceduralMemory.Neural;

/// <summary>
/// The Adam optimiser (Kingma and Ba 2015) with bias-corrected moment estimates and optional decoupled weight
/// decay (AdamW, Loshchilov and Hutter 2019). One instance holds the moments of one parameter vector.
/// </summary>
public sealed class Adam
{
    private float[] _m = [];
    private float[] _v = [];
    private float[] _scratch = [];

    /// <summary>Creates an optimiser; the moment buffers are sized by the first <see cref="Step"/>.</summary>
    /// <param name="learningRate">Step size (α).</param>
    /// <param name="beta1">Decay rate of the first-moment (mean) estimate.</param>
    /// <param name="beta2">Decay rate of the second-moment (uncentred variance) estimate.</param>
    /// <param name="epsilon">Added to the root of the second moment so a zero gradient history divides safely.</param>
    /// <param name="weightDecay">Decoupled decay rate; each step shrinks parameters by <c>learningRate · weightDecay</c>. Off (0) by default.</param>
    public Adam(float learningRate = 1e-3f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f)
    {
        if (!(learningRate > 0f) || !float.IsFinite(learningRate))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "Must be positive and finite.");
        if (!(beta1 is >= 0f and < 1f))
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "Must be in [0, 1).");
        if (!(beta2 is >= 0f and < 1f))
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "Must be in [0, 1).");
        if (!(epsilon > 0f))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Must be positive.");
        if (!(weightDecay >= 0f) || !float.IsFinite(weightDecay))
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "Must be non-negative and finite.");
        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
    }

    /// <summary>Step size (α).</summary>
    public float LearningRate { get; }

    /// <summary>Decay rate of the first-moment estimate.</summary>
    public float Beta1 { get; }

    /// <summary>Decay rate of the second-moment estimate.</summary>
    public float Beta2 { get; }

    /// <summary>Added to the root of the second moment.</summary>
    public float Epsilon { get; }

    /// <summary>Decoupled weight decay rate (0 = off).</summary>
    public float WeightDecay { get; }

    /// <summary>Number of updates taken so far (the <c>t</c> of the bias correction).</summary>
    public int StepCount { get; private set; }

    /// <summary>
    /// Moves <paramref name="parameters"/> one step against <paramref name="gradients"/>. Allocates only on the
    /// first call; every later call must pass the same number of parameters.
    /// </summary>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (gradients.Length != parameters.Length)
            throw new ArgumentException($"Got {gradients.Length} gradients for {parameters.Length} parameters.", nameof(gradients));
        if (StepCount == 0)
        {
            _m = new float[parameters.Length];
            _v = new float[parameters.Length];
            _scratch = new float[parameters.Length];
        }
        else if (parameters.Length != _m.Length)
        {
            throw new ArgumentException($"This optimiser holds moments for {_m.Length} parameters, not {parameters.Length}; use one optimiser per network.", nameof(parameters));
        }
        StepCount++;
        double correction1 = 1.0 - Math.Pow(Beta1, StepCount);
        double correction2 = 1.0 - Math.Pow(Beta2, StepCount);
        Span<float> m = _m, v = _v, s = _scratch;

        // m ← β1·m + (1−β1)·g ;  v ← β2·v + (1−β2)·g²
        TensorPrimitives.Multiply(m, Beta1, m);
        TensorPrimitives.MultiplyAdd(gradients, 1f - Beta1, m, m);
        TensorPrimitives.Multiply(v, Beta2, v);
        TensorPrimitives.Multiply(gradients, gradients, s);
        TensorPrimitives.MultiplyAdd(s, 1f - Beta2, v, v);

        // Folding the bias corrections into scalars avoids materialising m̂ and v̂:
        // α·m̂/(√v̂ + ε) = (α/c1) · m / (√v/√c2 + ε).
        TensorPrimitives.Sqrt(v, s);
        TensorPrimitives.Multiply(s, (float)(1.0 / Math.Sqrt(correction2)), s);
        TensorPrimitives.Add(s, Epsilon, s);
        TensorPrimitives.Divide(m, s, s);
        if (WeightDecay > 0f)
            TensorPrimitives.Multiply(parameters, 1f - LearningRate * WeightDecay, parameters);
        TensorPrimitives.MultiplyAdd(s, (float)(-LearningRate / correction1), parameters, parameters);
    }
}
