using System.Numerics.Tensors;

namespace ProceduralMemory.Neural;

public sealed partial class Mlp
{
    /// <summary>
    /// Back-propagates an arbitrary gradient of some loss with respect to the outputs (logits) of the last
    /// <see cref="Forward"/> pass, adding the gradient with respect to every parameter to <see cref="Gradients"/>:
    /// how a loss other than the cross-entropy (a policy-gradient or a value loss) trains the network. Allocates nothing.
    /// </summary>
    /// <remarks>
    /// The backward pass reuses the activations the forward pass kept, so the call must follow
    /// <see cref="Forward"/> of the same <paramref name="input"/> with no other forward pass of this network in between;
    /// the input itself is needed again because the first layer's weight gradient is <c>dy ⊗ input</c>. Gradients
    /// accumulate over calls until <see cref="ClearGradients"/>.
    /// </remarks>
    /// <param name="input">The input of the last forward pass.</param>
    /// <param name="outputGradient">The gradient of the loss with respect to each output, <see cref="OutputSize"/> long.</param>
    public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient)
    {
        if (input.Length != InputSize)
            throw new ArgumentException($"Expected {InputSize} features, got {input.Length}.", nameof(input));
        if (outputGradient.Length != OutputSize)
            throw new ArgumentException($"Expected {OutputSize} output gradients, got {outputGradient.Length}.", nameof(outputGradient));
        outputGradient.CopyTo(_outputGradients[^1]);
        Backward(input);
    }

    /// <summary>
    /// <see cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{float})"/> that also writes the gradient with respect to the
    /// input into <paramref name="inputGradient"/> (overwritten, not accumulated): how a network stacked on another (a
    /// decoder on an encoder's code) passes the loss further down. Allocates nothing.
    /// </summary>
    public void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputGradient, Span<float> inputGradient)
    {
        if (inputGradient.Length != InputSize)
            throw new ArgumentException($"Expected {InputSize} input gradients, got {inputGradient.Length}.", nameof(inputGradient));
        if (input.Length != InputSize)
            throw new ArgumentException($"Expected {InputSize} features, got {input.Length}.", nameof(input));
        if (outputGradient.Length != OutputSize)
            throw new ArgumentException($"Expected {OutputSize} output gradients, got {outputGradient.Length}.", nameof(outputGradient));
        outputGradient.CopyTo(_outputGradients[^1]);
        Backward(input, inputGradient);
    }

    /// <summary>Sets every accumulated gradient to zero, as before a new minibatch.</summary>
    public void ClearGradients() => Array.Clear(_gradients);

    /// <summary>The squared Euclidean norm of <see cref="Gradients"/>, which a global-norm clip sums over networks.</summary>
    public double GradientSquaredNorm()
    {
        double sum = 0;
        foreach (float g in _gradients)
            sum += (double)g * g;
        return sum;
    }

    /// <summary>Multiplies every accumulated gradient by <paramref name="factor"/>.</summary>
    public void ScaleGradients(float factor) => TensorPrimitives.Multiply(_gradients, factor, _gradients);

    /// <summary>Takes one <paramref name="optimizer"/> step against the accumulated <see cref="Gradients"/>.</summary>
    public void ApplyGradients(Adam optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.Step(_parameters, _gradients);
    }
}
