using System.Globalization;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Keys of texts through a skill encoder: a text is embedded by another text key provider (the local
/// <see cref="HashedNgramEmbedder"/>, or any model), and that embedding is encoded by a <see cref="StandardizedEncoder"/>
/// trained on the embeddings of the texts a library learned from, so procedures and queries are compared in the
/// encoder's latent space rather than in the embedder's.
/// </summary>
/// <remarks>Thread-safe: the encoder's buffers are used under a lock.</remarks>
public sealed class TextEncoderKeyProvider : IKeyProvider<string>
{
    private readonly IKeyProvider<string> _text;
    private readonly StandardizedEncoder _encoder;
    private readonly Lock _gate = new();

    /// <summary>Encodes <paramref name="text"/>'s keys with <paramref name="encoder"/>, trained on keys of that provider.</summary>
    /// <exception cref="ArgumentException">The encoder does not take keys of <paramref name="text"/>'s length.</exception>
    public TextEncoderKeyProvider(IKeyProvider<string> text, StandardizedEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(encoder);
        if (encoder.InputSize != text.Dimension)
            throw new ArgumentException($"The encoder takes {encoder.InputSize} numbers; {text.ModelId} gives {text.Dimension}.", nameof(encoder));
        (_text, _encoder) = (text, encoder);
        ModelId = string.Create(CultureInfo.InvariantCulture,
            $"text-encoder/v1 dim={encoder.LatentSize} weights={encoder.Fingerprint:x16} over {text.ModelId}");
    }

    /// <summary>
    /// Trains an encoder on <paramref name="text"/>'s keys of <paramref name="texts"/> (the texts a library learns from:
    /// its demonstrations' instructions, cut into clauses as queries are) and returns the provider.
    /// </summary>
    /// <exception cref="ArgumentException">No texts to train on.</exception>
    public static TextEncoderKeyProvider Train(IKeyProvider<string> text, IEnumerable<string> texts, VariationalEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Train(text, [.. texts], labels: null, options);
    }

    /// <summary>
    /// Trains an encoder on <paramref name="text"/>'s keys of the <paramref name="labelled"/> texts with the separation
    /// term (<see cref="VariationalEncoderOptions.Separation"/>) on their labels (the procedure each clause is for), so
    /// that texts of different procedures get codes apart and texts of one procedure alike, and returns the provider.
    /// </summary>
    /// <exception cref="ArgumentException">No texts to train on.</exception>
    public static TextEncoderKeyProvider Train(IKeyProvider<string> text, IEnumerable<(string Text, string Label)> labelled, VariationalEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        List<(string Text, string Label)> pairs = [.. labelled];
        return Train(text, [.. pairs.Select(p => p.Text)], [.. pairs.Select(p => p.Label)], options);
    }

    private static TextEncoderKeyProvider Train(IKeyProvider<string> text, List<string> texts, List<string>? labels, VariationalEncoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        List<float[]> samples = [.. texts.Select(text.KeyOf)];
        if (samples.Count == 0)
            throw new ArgumentException("The encoder needs at least one text to learn from.", nameof(texts));
        return new TextEncoderKeyProvider(text, StandardizedEncoder.Train(samples, options, labels).Encoder);
    }

    /// <summary>The trained encoder.</summary>
    public StandardizedEncoder Encoder => _encoder;

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    public int Dimension => _encoder.LatentSize;

    /// <inheritdoc />
    public float[] KeyOf(string situation)
    {
        float[] embedded = _text.KeyOf(situation);
        lock (_gate)
            return _encoder.UnitKey(embedded);
    }
}
