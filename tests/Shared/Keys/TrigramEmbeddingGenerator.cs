using Microsoft.Extensions.AI;

namespace ProceduralMemory.Tests.Shared.Keys;

/// <summary>
/// A small deterministic embedding model for tests, behind the real <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>
/// interface: each character trigram of the text adds one to a bucket chosen by its CRC-32C, so texts that share
/// trigrams get similar vectors.
/// </summary>
public sealed class TrigramEmbeddingGenerator(int dimensions, string? modelId = "trigram-test", bool honoursRequestedDimensions = true) : IEmbeddingGenerator<string, Embedding<float>>
{
    public int Requests { get; private set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Requests++;
        int length = honoursRequestedDimensions ? options?.Dimensions ?? dimensions : dimensions;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string text in values)
        {
            var vector = new float[length];
            string padded = $"  {text} ";
            for (int i = 0; i + 3 <= padded.Length; i++)
                vector[ProceduralMemory.Checksum.Crc32C(System.Text.Encoding.UTF8.GetBytes(padded.Substring(i, 3))) % (uint)length] += 1;
            embeddings.Add(new Embedding<float>(vector));
        }
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test-provider", null, modelId, dimensions) : null;

    public void Dispose() { }
}
