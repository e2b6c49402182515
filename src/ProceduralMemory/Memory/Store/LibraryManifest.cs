namespace ProceduralMemory.Memory.Store;

/// <summary>
/// What a library's skills mean: the facts their conditions are written in, the actions their policies choose,
/// the features their networks read and how situations are embedded into keys. Environments that agree on all of
/// these (every DoorKey size does) can share one library, so skills learned on a small grid carry to a larger one.
/// </summary>
/// <param name="FactNames">Fact names in bit order.</param>
/// <param name="ActionNames">Action names in index order.</param>
/// <param name="FeatureCount">Length of the feature vector networks and keys are computed from.</param>
/// <param name="EmbeddingDimension">Length of every skill key.</param>
/// <param name="EncoderSeed">Seed of the projection that embeds features into keys (keys from another seed are not comparable).</param>
public sealed record LibraryManifest(
    IReadOnlyList<string> FactNames,
    IReadOnlyList<string> ActionNames,
    int FeatureCount,
    int EmbeddingDimension,
    ulong EncoderSeed)
{
    /// <summary>Why skills stored under this manifest cannot be used under <paramref name="wanted"/>, or <c>null</c> when they can.</summary>
    public string? IncompatibilityWith(LibraryManifest wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (!FactNames.SequenceEqual(wanted.FactNames))
            return $"its facts are [{string.Join(", ", FactNames)}], not [{string.Join(", ", wanted.FactNames)}]";
        if (!ActionNames.SequenceEqual(wanted.ActionNames))
            return $"its actions are [{string.Join(", ", ActionNames)}], not [{string.Join(", ", wanted.ActionNames)}]";
        if (FeatureCount != wanted.FeatureCount)
            return $"its skills read {FeatureCount} features, not {wanted.FeatureCount}";
        return null;
    }

    /// <inheritdoc />
    public bool Equals(LibraryManifest? other) =>
        other is not null && IncompatibilityWith(other) is null
        && EmbeddingDimension == other.EmbeddingDimension && EncoderSeed == other.EncoderSeed;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(FeatureCount, EmbeddingDimension, EncoderSeed);
}
