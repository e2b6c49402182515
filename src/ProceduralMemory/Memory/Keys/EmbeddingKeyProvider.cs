using Microsoft.Extensions.AI;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Keys from a text embedding model behind Microsoft.Extensions.AI's <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>:
/// a situation described as text (a tool-use context, a task statement) is embedded and normalised to unit length.
/// The model id names the provider, the model and the dimension the generator reports, so a library refuses keys
/// from any other model.
/// </summary>
public sealed class EmbeddingKeyProvider : IKeyProvider<string>
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;

    /// <summary>Wraps <paramref name="generator"/>, whose embeddings must have <paramref name="dimension"/> numbers.</summary>
    /// <exception cref="ArgumentException">The generator does not say which model it runs (its metadata has no model id).</exception>
    public EmbeddingKeyProvider(IEmbeddingGenerator<string, Embedding<float>> generator, int dimension)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        if (string.IsNullOrWhiteSpace(metadata?.DefaultModelId))
            throw new ArgumentException("The embedding generator does not name its model (EmbeddingGeneratorMetadata.DefaultModelId); keys from an unnamed model cannot be checked for comparability.", nameof(generator));
        _generator = generator;
        Dimension = dimension;
        ModelId = $"embedding/v1 provider={metadata.ProviderName ?? "unknown"} model={metadata.DefaultModelId} dim={dimension}";
    }

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    /// <remarks>Waits for the generator; use <see cref="KeysOfAsync"/> to embed many situations in one request.</remarks>
    public float[] KeyOf(string situation) => KeysOfAsync([situation]).GetAwaiter().GetResult()[0];

    /// <summary>The unit-length keys of <paramref name="situations"/>, in order, from one request to the generator.</summary>
    /// <exception cref="InvalidOperationException">The generator returned the wrong number of embeddings, the wrong length, or a zero or non-finite vector.</exception>
    public async Task<float[][]> KeysOfAsync(IReadOnlyList<string> situations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(situations);
        var embeddings = await _generator.GenerateAsync(situations, new EmbeddingGenerationOptions { Dimensions = Dimension }, cancellationToken)
            .ConfigureAwait(false);
        if (embeddings.Count != situations.Count)
            throw new InvalidOperationException($"{ModelId} returned {embeddings.Count} embeddings for {situations.Count} texts.");
        var keys = new float[situations.Count][];
        for (int i = 0; i < keys.Length; i++)
        {
            float[] key = embeddings[i].Vector.ToArray();
            if (key.Length != Dimension)
                throw new InvalidOperationException($"{ModelId} returned an embedding of {key.Length} numbers, not {Dimension}.");
            float norm = System.Numerics.Tensors.TensorPrimitives.Norm(key);
            if (!float.IsFinite(norm) || norm == 0)
                throw new InvalidOperationException($"{ModelId} returned a zero or non-finite embedding for text {i}.");
            VectorMath.NormalizeInPlace(key);
            keys[i] = key;
        }
        return keys;
    }
}
