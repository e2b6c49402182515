using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using ProceduralMemory.Agents.Seed;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// A local text embedder that needs no model download: the lower-cased words of a text (weight 1), its word bigrams
/// (weight 0.5) and each word's character 3- to 5-grams with boundary marks (sharing the weight of one word, about 0.3
/// each), hashed with <see cref="StableHash"/> into signed buckets and normalised to unit length. Texts that share
/// words, word pairs or word pieces ("return item" and "returns items") get similar vectors, the same text the same
/// vector in every process. It is the default key model of procedure libraries (<c>hashed-ngrams/v1</c>); any other
/// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> plugs in instead.
/// </summary>
public sealed class HashedNgramEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The model id the embedder reports (a change to its features must change it).</summary>
    public const string ModelName = "hashed-ngrams/v1";

    /// <summary>The provider name the embedder reports.</summary>
    public const string ProviderName = "procmem";

    /// <summary>The default number of buckets.</summary>
    public const int DefaultDimension = 256;

    private const float WordWeight = 1f, BigramWeight = 0.5f;
    private const int ShortestPiece = 3, LongestPiece = 5;

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>An embedder whose vectors have <paramref name="dimension"/> numbers unless a request asks for another length.</summary>
    public HashedNgramEmbedder(int dimension = DefaultDimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Dimension = dimension;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, defaultModelId: ModelName, defaultModelDimensions: dimension);
    }

    /// <summary>The length of the vectors when a request does not name one.</summary>
    public int Dimension { get; }

    /// <summary>The unit-length embedding of <paramref name="text"/> with <paramref name="dimension"/> numbers.</summary>
    public float[] Embed(string text, int dimension)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        var vector = new float[dimension];
        List<string> words = Words(text);
        for (int i = 0; i < words.Count; i++)
        {
            Add(vector, "w " + words[i], WordWeight);
            if (i > 0)
                Add(vector, "b " + words[i - 1] + " " + words[i], BigramWeight);
            AddPieces(vector, words[i]);
        }
        if (words.Count == 0 || vector.All(v => v == 0))
            Add(vector, "empty", 1f); // a direction of its own, so an empty text still has a key
        VectorMath.NormalizeInPlace(vector);
        return vector;
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        int dimension = options?.Dimensions ?? Dimension;
        if (dimension <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), dimension, "The requested dimension must be positive.");
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string text in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(text, dimension)) { ModelId = ModelName });
        }
        return Task.FromResult(embeddings);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
            return null;
        if (serviceType == typeof(EmbeddingGeneratorMetadata))
            return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose() { }

    /// <summary>The text's words: runs of letters and digits, lower case (an underscore or a sign splits, so a tool name reads as words).</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char c in Normalized(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
            words.Add(word.ToString());
        return words;
    }

    // Compatibility forms (full-width digits, ligatures) read as their plain letters; a text with a lone surrogate, which
    // cannot be normalised, is read as it is rather than refused.
    private static string Normalized(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    // A word's pieces share the weight of the word itself (in length), so a long word's many pieces do not drown the
    // words: each piece weighs 1/sqrt(pieces), about 0.3 for a word of six letters.
    private static void AddPieces(float[] vector, string word)
    {
        string marked = "<" + word + ">";
        int pieces = 0;
        for (int n = ShortestPiece; n <= LongestPiece; n++)
            pieces += Math.Max(0, marked.Length - n + 1);
        if (pieces == 0)
            return;
        float weight = 1f / MathF.Sqrt(pieces);
        for (int n = ShortestPiece; n <= LongestPiece; n++)
            for (int i = 0; i + n <= marked.Length; i++)
                Add(vector, "c " + marked.Substring(i, n), weight);
    }

    private static void Add(float[] vector, string feature, float weight)
    {
        ulong hash = Mix(StableHash.Fnv1a64(feature));
        int bucket = (int)((hash >> 1) % (ulong)vector.Length);
        vector[bucket] += (hash & 1) == 0 ? weight : -weight;
    }

    // FNV-1a's low bits vary little between short strings that differ at the end; a finaliser (SplitMix64's) spreads
    // every input bit over the bucket and sign bits.
    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ModelName} dim={Dimension}");
}
