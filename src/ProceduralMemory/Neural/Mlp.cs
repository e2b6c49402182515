using System.Numerics.Tensors;

namespace ProceduralMemory.Neural;

/// <summary>
/// A multi-layer perceptron classifier: dense layers with a <see cref="HiddenActivation"/> after each hidden one,
/// producing one logit per action. All parameters live in one contiguous vector (layer by layer, weights then
/// biases) so that <see cref="Adam"/> updates the whole network in one pass.
/// </summary>
/// <remarks>
/// An instance owns preallocated scratch buffers, which keeps <see cref="Forward"/> free of allocation but makes
/// an instance <b>not thread-safe</b>: use one per thread (e.g. via <see cref="GetWeights"/> and
/// <see cref="FromWeights"/>).
/// </remarks>
public sealed partial class Mlp
{
    private readonly int[] _layerSizes;
    private readonly float[] _parameters;
    private readonly float[] _gradients;
    private readonly DenseLayer[] _layers;
    private readonly float[][] _outputs;
    private readonly float[][] _outputGradients;
    private readonly float[] _probabilities;

    /// <summary>
    /// Creates a network with freshly initialised weights: uniform with the He (Kaiming) variance <c>2/fan_in</c>
    /// for ReLU, or the LeCun variance <c>1/fan_in</c> for tanh, drawn from <see cref="Rng"/> seeded with
    /// <paramref name="seed"/>; biases start at zero.
    /// </summary>
    /// <param name="inputSize">Length of a feature vector.</param>
    /// <param name="hiddenSizes">Widths of the hidden layers, e.g. <c>[64]</c> or <c>[64, 64]</c>; empty gives a linear (softmax regression) model.</param>
    /// <param name="outputSize">Number of classes (actions).</param>
    /// <param name="seed">Seed of the initialisation; the same seed gives the same weights bit for bit.</param>
    /// <param name="activation">Non-linearity after each hidden layer.</param>
    public Mlp(int inputSize, ReadOnlySpan<int> hiddenSizes, int outputSize, ulong seed, HiddenActivation activation = HiddenActivation.Relu)
        : this([inputSize, .. hiddenSizes, outputSize], activation)
    {
        // A uniform draw on [−a, a] has variance a²/3, hence a = √(3·variance). Uniform rather than Gaussian
        // because it needs no transcendental functions, whose last bits may differ between platforms.
        double gain = activation == HiddenActivation.Relu ? 6.0 : 3.0;
        var rng = new Rng(seed);
        foreach (DenseLayer layer in _layers)
        {
            double limit = Math.Sqrt(gain / layer.InputSize);
            Span<float> weights = layer.Weights;
            for (int i = 0; i < weights.Length; i++)
                weights[i] = (float)((2.0 * rng.NextDouble() - 1.0) * limit);
        }
    }

    private Mlp(int[] layerSizes, HiddenActivation activation)
    {
        if (!Enum.IsDefined(activation))
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        int total = MlpWeights.ParameterCount(layerSizes);
        _layerSizes = layerSizes;
        Activation = activation;
        _parameters = new float[total];
        _gradients = new float[total];
        _layers = new DenseLayer[layerSizes.Length - 1];
        _outputs = new float[_layers.Length][];
        _outputGradients = new float[_layers.Length][];
        int offset = 0;
        for (int l = 0; l < _layers.Length; l++)
        {
            int count = DenseLayer.ParameterCount(layerSizes[l], layerSizes[l + 1]);
            _layers[l] = new DenseLayer(layerSizes[l], layerSizes[l + 1], _parameters.AsMemory(offset, count), _gradients.AsMemory(offset, count));
            _outputs[l] = new float[layerSizes[l + 1]];
            _outputGradients[l] = new float[layerSizes[l + 1]];
            offset += count;
        }
        _probabilities = new float[OutputSize];
    }

    /// <summary>Length of a feature vector.</summary>
    public int InputSize => _layerSizes[0];

    /// <summary>Number of classes (actions), i.e. of logits.</summary>
    public int OutputSize => _layerSizes[^1];

    /// <summary>Widths of the hidden layers.</summary>
    public ReadOnlySpan<int> HiddenSizes => _layerSizes.AsSpan(1, _layerSizes.Length - 2);

    /// <summary>Non-linearity after each hidden layer.</summary>
    public HiddenActivation Activation { get; }

    /// <summary>All parameters, layer by layer (row-major weights, then biases); read-only view.</summary>
    public ReadOnlySpan<float> Parameters => _parameters;

    /// <summary>
    /// The gradient accumulated by <see cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{float})"/> (or the last <see cref="TrainStep"/>), in
    /// <see cref="Parameters"/> order; read-only view.
    /// </summary>
    public ReadOnlySpan<float> Gradients => _gradients;

    internal DenseLayer Layer(int index) => _layers[index];

    /// <summary>Writes the logits for one <paramref name="input"/> into <paramref name="logits"/>; allocates nothing.</summary>
    public void Forward(ReadOnlySpan<float> input, Span<float> logits)
    {
        if (logits.Length != OutputSize)
            throw new ArgumentException($"Expected {OutputSize} logits, got {logits.Length}.", nameof(logits));
        ForwardCore(input).CopyTo(logits);
    }

    /// <summary>The most likely class for <paramref name="input"/>; on ties the lowest index wins.</summary>
    public int Predict(ReadOnlySpan<float> input) => TensorPrimitives.IndexOfMax(ForwardCore(input));

    /// <summary>Writes the class probabilities (softmax of the logits) for <paramref name="input"/>.</summary>
    public void Probabilities(ReadOnlySpan<float> input, Span<float> probabilities) =>
        SoftmaxCrossEntropy.Softmax(ForwardCore(input), probabilities);

    /// <summary>The cross-entropy loss of predicting <paramref name="label"/> for <paramref name="input"/>.</summary>
    public float Loss(ReadOnlySpan<float> input, int label) =>
        SoftmaxCrossEntropy.Forward(ForwardCore(input), label, _probabilities);

    /// <summary>
    /// <see cref="Loss"/> and <see cref="Predict"/> from one forward pass: the cross-entropy of predicting
    /// <paramref name="label"/>, and in <paramref name="predicted"/> the most likely class (lowest index on ties).
    /// </summary>
    internal float LossAndPrediction(ReadOnlySpan<float> input, int label, out int predicted)
    {
        ReadOnlySpan<float> logits = ForwardCore(input);
        predicted = TensorPrimitives.IndexOfMax(logits);
        return SoftmaxCrossEntropy.Forward(logits, label, _probabilities);
    }

    /// <summary>Runs every layer, keeping each layer's output for a backward pass; returns the logits.</summary>
    private ReadOnlySpan<float> ForwardCore(ReadOnlySpan<float> input)
    {
        if (input.Length != InputSize)
            throw new ArgumentException($"Expected {InputSize} features, got {input.Length}.", nameof(input));
        for (int l = 0; l < _layers.Length; l++)
        {
            Span<float> output = _outputs[l];
            _layers[l].Forward(l == 0 ? input : _outputs[l - 1], output);
            if (l < _layers.Length - 1)
            {
                if (Activation == HiddenActivation.Relu)
                    Relu.Forward(output, output);
                else
                    Tanh.Forward(output, output);
            }
        }
        return _outputs[^1];
    }
}
