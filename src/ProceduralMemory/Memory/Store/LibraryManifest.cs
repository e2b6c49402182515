namespace ProceduralMemory.Memory.Store;

/// <summary>
/// What a library's skills mean: the domain whose actions, observations and outcomes they are written in, the facts
/// their conditions name, the actions their policies choose, the features their networks read and the key model
/// situations are embedded with. Environments that agree on all of these (every DoorKey size does) can share one
/// library, so skills learned on a small grid carry to a larger one.
/// </summary>
/// <param name="Domain">The domain's name (<c>grid</c> for the built-in grid worlds); its codecs read the stored payloads.</param>
/// <param name="FactNames">Fact names in bit order.</param>
/// <param name="ActionNames">Action names in index order (a domain with open-ended actions, such as tool calls, lists the ones it knows).</param>
/// <param name="FeatureCount">Length of the feature vector networks and keys are computed from.</param>
/// <param name="EmbeddingDimension">Length of every skill key.</param>
/// <param name="KeyModel">The key provider's model id (keys from another model are not comparable).</param>
public sealed record LibraryManifest(
    string Domain,
    IReadOnlyList<string> FactNames,
    IReadOnlyList<string> ActionNames,
    int FeatureCount,
    int EmbeddingDimension,
    string KeyModel)
{
    /// <summary>The domain libraries written before domains were recorded belong to.</summary>
    public const string GridDomain = "grid";

    /// <summary>
    /// Why skills stored under this manifest cannot be used under <paramref name="wanted"/> (another domain, facts,
    /// actions or feature count), or <c>null</c> when they can. Keys are not compared: an agent adopts the stored key
    /// model, and an import compares them itself (<see cref="KeyMismatchWith"/>).
    /// </summary>
    public string? IncompatibilityWith(LibraryManifest wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (Domain != wanted.Domain)
            return $"its domain is '{Domain}', not '{wanted.Domain}'";
        if (!FactNames.SequenceEqual(wanted.FactNames))
            return $"its facts are [{string.Join(", ", FactNames)}], not [{string.Join(", ", wanted.FactNames)}]";
        if (!ActionNames.SequenceEqual(wanted.ActionNames))
            return $"its actions are [{string.Join(", ", ActionNames)}], not [{string.Join(", ", wanted.ActionNames)}]";
        if (FeatureCount != wanted.FeatureCount)
            return $"its skills read {FeatureCount} features, not {wanted.FeatureCount}";
        return null;
    }

    /// <summary>
    /// Whether <paramref name="wanted"/> is this manifest with facts appended after this one's and nothing else
    /// changed: skills stored here name only the leading facts, whose bits mean the same under both, so they can be
    /// read (a library written before MiniGrid's perception gained its general facts is still evaluated as it was).
    /// </summary>
    public bool IsExtendedBy(LibraryManifest wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        return wanted.FactNames.Count > FactNames.Count
            && IncompatibilityWith(wanted with { FactNames = wanted.FactNames.Take(FactNames.Count).ToArray() }) is null;
    }

    /// <summary>Why keys made under <paramref name="other"/> cannot be compared with this library's, or <c>null</c> when they can.</summary>
    public string? KeyMismatchWith(LibraryManifest other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return EmbeddingDimension == other.EmbeddingDimension && KeyModel == other.KeyModel
            ? null
            : $"its keys come from another key model ({other.KeyModel}, dimension {other.EmbeddingDimension}; the library's: {KeyModel}, dimension {EmbeddingDimension})";
    }

    /// <inheritdoc />
    public bool Equals(LibraryManifest? other) =>
        other is not null && IncompatibilityWith(other) is null && KeyMismatchWith(other) is null;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Domain, FeatureCount, EmbeddingDimension, KeyModel);
}
