using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace ProceduralMemory.Neural;

/// <summary>
/// A fully connected layer <c>y = W·x + b</c>, with <c>W</c> stored row-major (one row of
/// <see cref="InputSize"/> weights per output) and followed in memory by <c>b</c>.
/// </summary>
/// <remarks>
/// Parameters and gradients may be windows onto larger buffers, so that a whole network's parameters are one
/// contiguous span an optimiser updates in a single pass.
/// </remarks>
public sealed class DenseLayer
{
    private readonly Memory<float> _parameters;
    private readonly Memory<float> _gradients;

    /// <summary>Creates a layer with its own zeroed parameters and gradients.</summary>
    public DenseLayer(int inputSize, int outputSize)
        : this(inputSize, outputSize, new float[ParameterCount(inputSize, outputSize)], new float[ParameterCount(inputSize, outputSize)])
    {
    }

    internal DenseLayer(int inputSize, int outputSize, Memory<float> parameters, Memory<float> gradients)
    {
        int count = ParameterCount(inputSize, outputSize);
        if (parameters.Length != count || gradients.Length != count)
            throw new ArgumentException($"A {inputSize}->{outputSize} layer needs {count} parameters and gradients.");
        InputSize = inputSize;
        OutputSize = outputSize;
        _parameters = parameters;
        _gradients = gradients;
    }

    /// <summary>Length of the input vector.</summary>
    public int InputSize { get; }

    /// <summary>Length of the output vector.</summary>
    public int OutputSize { get; }

    /// <summary>The weights, <see cref="OutputSize"/> rows of <see cref="InputSize"/>.</summary>
    public Span<float> Weights => _parameters.Span[..(InputSize * OutputSize)];

    /// <summary>The biases, one per output.</summary>
    public Span<float> Bias => _parameters.Span[(InputSize * OutputSize)..];

    /// <summary>Accumulated gradient of the loss with respect to <see cref="Weights"/>.</summary>
    public Span<float> WeightGradients => _gradients.Span[..(InputSize * OutputSize)];

    /// <summary>Accumulated gradient of the loss with respect to <see cref="Bias"/>.</summary>
    public Span<float> BiasGradients => _gradients.Span[(InputSize * OutputSize)..];

    /// <summary>Number of parameters (weights and biases) of an <paramref name="inputSize"/>→<paramref name="outputSize"/> layer.</summary>
    public static int ParameterCount(int inputSize, int outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        return checked(inputSize * outputSize + outputSize);
    }

    /// <summary>Writes <c>W·input + b</c> into <paramref name="output"/>; allocates nothing.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> output)
    {
        CheckLength(input.Length, InputSize, nameof(input));
        CheckLength(output.Length, OutputSize, nameof(output));
        ReadOnlySpan<float> parameters = _parameters.Span;
        ReadOnlySpan<float> bias = parameters[(InputSize * OutputSize)..];
        for (int o = 0; o < output.Length; o++)
            output[o] = DotProduct.Of(parameters.Slice(o * InputSize, InputSize), input) + bias[o];
    }

    /// <summary>
    /// Adds this sample's gradients to <see cref="WeightGradients"/> (<c>dy ⊗ input</c>) and
    /// <see cref="BiasGradients"/> (<c>dy</c>), and writes the gradient with respect to the input
    /// (<c>Wᵀ·dy</c>) into <paramref name="inputGradient"/> unless it is empty (a first layer needs none).
    /// </summary>
    /// <param name="input">The input the forward pass saw.</param>
    /// <param name="outputGradient">Gradient of the loss with respect to this layer's output.</param>
    /// <param name="inputGradient">Receives the gradient with respect to <paramref name="input"/>, or empty.</param>
    public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        CheckLength(input.Length, InputSize, nameof(input));
        CheckLength(outputGradient.Length, OutputSize, nameof(outputGradient));
        bool wantInputGradient = !inputGradient.IsEmpty;
        if (wantInputGradient)
        {
            CheckLength(inputGradient.Length, InputSize, nameof(inputGradient));
            inputGradient.Clear();
        }
        ReadOnlySpan<float> weights = _parameters.Span;
        Span<float> gradients = _gradients.Span;
        TensorPrimitives.Add(gradients[(InputSize * OutputSize)..], outputGradient, gradients[(InputSize * OutputSize)..]);
        // Behind a ReLU many outputs carry no gradient; skipping them changes no finite result. They are found 64 at
        // a time as a bit mask, because a branch per output mispredicts about as often as ReLU's pattern changes.
        for (int start = 0; start < OutputSize; start += 64)
        {
            ulong nonZero = NonZeroBits(outputGradient.Slice(start, Math.Min(64, OutputSize - start)));
            while (nonZero != 0)
            {
                int o = start + BitOperations.TrailingZeroCount(nonZero);
                nonZero &= nonZero - 1;
                float g = outputGradient[o];
                ScaledAdd.Into(input, g, gradients.Slice(o * InputSize, InputSize));
                if (wantInputGradient)
                    ScaledAdd.Into(weights.Slice(o * InputSize, InputSize), g, inputGradient);
            }
        }
    }

    /// <summary>Bit <c>i</c> set when <c>values[i] != 0</c> (NaN included, both zeros excluded); at most 64 values.</summary>
    private static ulong NonZeroBits(ReadOnlySpan<float> values)
    {
        ulong bits = 0;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<float>.Count <= values.Length; i += Vector512<float>.Count)
                bits |= (~Vector512.Equals(Vector512.Create(values.Slice(i, Vector512<float>.Count)), Vector512<float>.Zero).ExtractMostSignificantBits() & 0xFFFFUL) << i;
        }
        for (; i < values.Length; i++)
            if (values[i] != 0f)
                bits |= 1UL << i;
        return bits;
    }

    private static void CheckLength(int actual, int expected, string name)
    {
        if (actual != expected)
            throw new ArgumentException($"Expected length {expected}, got {actual}.", name);
    }
}
