using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProceduralMemory.Neural;

/// <summary>
/// The Adam optimiser (Kingma and Ba 2015) with bias-corrected moment estimates and optional decoupled weight
/// decay (AdamW, Loshchilov and Hutter 2019). One instance holds the moments of one parameter vector.
/// </summary>
public sealed class Adam
{
    private float[] _m = [];
    private float[] _v = [];

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

    /// <summary>Step size (α); settable between steps, so that a schedule (linear annealing, say) can lower it.</summary>
    public float LearningRate
    {
        get;
        set
        {
            if (!(value > 0f) || !float.IsFinite(value))
                throw new ArgumentOutOfRangeException(nameof(value), value, "Must be positive and finite.");
            field = value;
        }
    }

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
        }
        else if (parameters.Length != _m.Length)
        {
            throw new ArgumentException($"This optimiser holds moments for {_m.Length} parameters, not {parameters.Length}; use one optimiser per network.", nameof(parameters));
        }
        StepCount++;
        double correction1 = 1.0 - Math.Pow(Beta1, StepCount);
        double correction2 = 1.0 - Math.Pow(Beta2, StepCount);
        // Folding the bias corrections into scalars avoids materialising m̂ and v̂:
        // α·m̂/(√v̂ + ε) = (α/c1) · m / (√v/√c2 + ε).
        Update(parameters, gradients, _m, _v, Beta1, Beta2, (float)(1.0 / Math.Sqrt(correction2)), Epsilon,
            WeightDecay > 0f ? 1f - LearningRate * WeightDecay : 1f, (float)(-LearningRate / correction1));
    }

    /// <summary>
    /// One Adam update, element by element in a single pass: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
    /// p ← p·decay + step·m / (√v·c2 + ε). Each element sees the same roundings, in the same order, as the nine
    /// whole-vector <c>TensorPrimitives</c> passes this replaced (a test holds them equal bit for bit); one pass
    /// instead of nine is what is saved.
    /// </summary>
    internal static void Update(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> m, Span<float> v,
        float beta1, float beta2, float inverseRootCorrection2, float epsilon, float decay, float step)
    {
        int n = parameters.Length, i = 0;
        ref float p = ref MemoryMarshal.GetReference(parameters);
        ref float g = ref MemoryMarshal.GetReference(gradients);
        ref float mRef = ref MemoryMarshal.GetReference(m);
        ref float vRef = ref MemoryMarshal.GetReference(v);
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= n; i += Vector512<float>.Count)
            {
                nuint at = (nuint)i;
                Vector512<float> gi = Vector512.LoadUnsafe(ref g, at);
                Vector512<float> mi = gi * (1f - beta1) + Vector512.LoadUnsafe(ref mRef, at) * beta1;
                Vector512<float> vi = (gi * gi) * (1f - beta2) + Vector512.LoadUnsafe(ref vRef, at) * beta2;
                mi.StoreUnsafe(ref mRef, at);
                vi.StoreUnsafe(ref vRef, at);
                Vector512<float> pi = Vector512.LoadUnsafe(ref p, at);
                if (decay != 1f)
                    pi *= decay;
                (mi / (Vector512.Sqrt(vi) * inverseRootCorrection2 + Vector512.Create(epsilon)) * step + pi).StoreUnsafe(ref p, at);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
            {
                nuint at = (nuint)i;
                Vector256<float> gi = Vector256.LoadUnsafe(ref g, at);
                Vector256<float> mi = gi * (1f - beta1) + Vector256.LoadUnsafe(ref mRef, at) * beta1;
                Vector256<float> vi = (gi * gi) * (1f - beta2) + Vector256.LoadUnsafe(ref vRef, at) * beta2;
                mi.StoreUnsafe(ref mRef, at);
                vi.StoreUnsafe(ref vRef, at);
                Vector256<float> pi = Vector256.LoadUnsafe(ref p, at);
                if (decay != 1f)
                    pi *= decay;
                (mi / (Vector256.Sqrt(vi) * inverseRootCorrection2 + Vector256.Create(epsilon)) * step + pi).StoreUnsafe(ref p, at);
            }
        }
        for (; i < n; i++)
        {
            float gi = Unsafe.Add(ref g, i);
            float mi = gi * (1f - beta1) + Unsafe.Add(ref mRef, i) * beta1;
            float vi = (gi * gi) * (1f - beta2) + Unsafe.Add(ref vRef, i) * beta2;
            Unsafe.Add(ref mRef, i) = mi;
            Unsafe.Add(ref vRef, i) = vi;
            float pi = Unsafe.Add(ref p, i);
            if (decay != 1f)
                pi *= decay;
            Unsafe.Add(ref p, i) = mi / (MathF.Sqrt(vi) * inverseRootCorrection2 + epsilon) * step + pi;
        }
    }
}
