namespace ProceduralMemory.Neural;

public sealed partial class Mlp
{
    /// <summary>
    /// One minibatch step of supervised training: accumulates the gradient of the batch loss over all samples,
    /// then takes one <paramref name="optimizer"/> step.
    /// </summary>
    /// <param name="inputs">The batch, <c>labels.Length × InputSize</c> features, row-major.</param>
    /// <param name="labels">Target class of each sample.</param>
    /// <param name="optimizer">The optimiser bound to this network.</param>
    /// <param name="weights">
    /// Optional non-negative weight per sample (empty = all 1). The batch loss is <c>Σ wᵢ·lossᵢ / n</c>, so
    /// weights scale a sample's pull on the network across batches, not only relative to its batch mates.
    /// </param>
    /// <returns>The batch loss before the update (with unit weights, the mean cross-entropy).</returns>
    public float TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, Adam optimizer, ReadOnlySpan<float> weights = default)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        float loss = AccumulateGradients(inputs, labels, weights);
        optimizer.Step(_parameters, _gradients);
        return loss;
    }

    /// <summary>Sets <see cref="Gradients"/> to the gradient of the weighted batch loss and returns that loss.</summary>
    internal float AccumulateGradients(ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, ReadOnlySpan<float> weights)
    {
        int n = labels.Length;
        if (n == 0)
            throw new ArgumentException("A training batch needs at least one sample.", nameof(labels));
        if (inputs.Length != n * InputSize)
            throw new ArgumentException($"Expected {n} × {InputSize} = {n * InputSize} features, got {inputs.Length}.", nameof(inputs));
        if (!weights.IsEmpty && weights.Length != n)
            throw new ArgumentException($"Expected {n} sample weights, got {weights.Length}.", nameof(weights));
        // Validate everything before touching the gradients, so a bad batch leaves the network as it was.
        for (int i = 0; i < n; i++)
        {
            if ((uint)labels[i] >= (uint)OutputSize)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label {i} must be in [0, {OutputSize}).");
            if (!weights.IsEmpty && !(weights[i] >= 0f && float.IsFinite(weights[i])))
                throw new ArgumentOutOfRangeException(nameof(weights), weights[i], $"Weight {i} must be non-negative and finite.");
        }

        Array.Clear(_gradients);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> input = inputs.Slice(i * InputSize, InputSize);
            float scale = (weights.IsEmpty ? 1f : weights[i]) / n;
            float loss = SoftmaxCrossEntropy.Forward(ForwardCore(input), labels[i], _probabilities);
            total += (double)scale * loss;
            SoftmaxCrossEntropy.Backward(_probabilities, labels[i], scale, _outputGradients[^1]);
            Backward(input);
        }
        return (float)total;
    }

    /// <summary>
    /// Back-propagates the last layer's output gradient through every layer, adding to the gradients; writes the
    /// gradient with respect to the input into <paramref name="inputGradient"/> unless it is empty.
    /// </summary>
    private void Backward(ReadOnlySpan<float> input, Span<float> inputGradient = default)
    {
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            if (l == 0)
            {
                _layers[0].Backward(input, _outputGradients[0], inputGradient);
                break;
            }
            Span<float> belowGradient = _outputGradients[l - 1];
            _layers[l].Backward(_outputs[l - 1], _outputGradients[l], belowGradient);
            if (Activation == HiddenActivation.Relu)
                Relu.Backward(_outputs[l - 1], belowGradient, belowGradient);
            else
                Tanh.Backward(_outputs[l - 1], belowGradient, belowGradient);
        }
    }
}
