namespace ProceduralMemory.Memory.Contexts;

/// <summary>
/// The contexts skills are judged in: clusters of the latent space of state keys. A key belongs to the nearest of a
/// fixed set of centroids; while learning, a key less similar than <see cref="Similarity"/> to every centroid founds a
/// new one (until there are <see cref="MaxContexts"/>). A centroid never moves once founded, so a key's context never
/// changes afterwards and per-context counts stay comparable over a run.
/// </summary>
/// <remarks>
/// Leader clustering rather than k-means: k-means would need the keys up front and would move its centroids as the
/// library grows, re-labelling the uses already counted. The centroids depend only on the sequence of keys seen while
/// learning, which the seed fixes, so a run from a seed founds the same contexts. Evaluation looks up the nearest
/// centroid without founding any, so evaluating never changes what training does.
/// </remarks>
public sealed class SkillContexts
{
    private readonly List<float[]> _centroids = [];

    /// <summary>Creates an empty set of contexts.</summary>
    /// <param name="maxContexts">The most contexts ever founded (at least 1).</param>
    /// <param name="similarity">Cosine similarity below which a key is too far from every centroid and founds one of its own.</param>
    public SkillContexts(int maxContexts, float similarity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxContexts);
        if (!float.IsFinite(similarity) || similarity is < -1 or > 1)
            throw new ArgumentOutOfRangeException(nameof(similarity), similarity, "A cosine similarity lies in [-1, 1].");
        MaxContexts = maxContexts;
        Similarity = similarity;
    }

    /// <summary>The most contexts ever founded.</summary>
    public int MaxContexts { get; }

    /// <summary>Cosine similarity below which a key founds a new context (while there is room).</summary>
    public float Similarity { get; }

    /// <summary>The founded centroids, by context number (unit vectors).</summary>
    public IReadOnlyList<float[]> Centroids => _centroids;

    /// <summary>
    /// The context of <paramref name="key"/>: its nearest centroid (lowest number among equals), or, when
    /// <paramref name="found"/> is set and no centroid is at least <see cref="Similarity"/> to it, a new context
    /// centred on it while fewer than <see cref="MaxContexts"/> exist. Without any centroid and without
    /// <paramref name="found"/>, context 0.
    /// </summary>
    public int ContextOf(ReadOnlySpan<float> key, bool found)
    {
        (int nearest, float similarity) = Nearest(key);
        if (found && (nearest < 0 || similarity < Similarity) && _centroids.Count < MaxContexts)
        {
            float[] centroid = key.ToArray();
            VectorMath.NormalizeInPlace(centroid);
            _centroids.Add(centroid);
            return _centroids.Count - 1;
        }
        return Math.Max(nearest, 0);
    }

    /// <summary>
    /// Takes <paramref name="centroid"/> as context <paramref name="number"/>, as a store holds it: the next context
    /// when <paramref name="number"/> is the count founded so far, else in place of the one founded here (another writer
    /// of a shared library stored that number first, and the first writer's centroid stands). Not capped by
    /// <see cref="MaxContexts"/>: what is stored is there.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> would leave a gap.</exception>
    public void Adopt(int number, float[] centroid)
    {
        ArgumentNullException.ThrowIfNull(centroid);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, _centroids.Count);
        if (number == _centroids.Count)
            _centroids.Add((float[])centroid.Clone());
        else if (!_centroids[number].AsSpan().SequenceEqual(centroid))
            _centroids[number] = (float[])centroid.Clone();
    }

    private (int Context, float Similarity) Nearest(ReadOnlySpan<float> key)
    {
        int best = -1;
        float bestSimilarity = float.NegativeInfinity;
        for (int c = 0; c < _centroids.Count; c++)
        {
            float similarity = VectorMath.CosineSimilarity(key, _centroids[c]);
            if (similarity > bestSimilarity) // strict: the lowest-numbered of equally near centroids
                (best, bestSimilarity) = (c, similarity);
        }
        return (best, bestSimilarity);
    }
}
