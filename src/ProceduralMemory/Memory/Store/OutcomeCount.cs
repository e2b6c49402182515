namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Semantic memory: how often an outcome happened in perceptual context <paramref name="Context"/>. The outcome is
/// <paramref name="Payload"/>, encoded by the library's domain (for the grid: the action with the move it made and
/// the facts it flipped, <see cref="Domains.GridDomain.CountOf"/>); the store compares payloads as bytes and knows
/// nothing else of them. In a commit <paramref name="Count"/> is an increment; read back, a total.
/// </summary>
/// <remarks>Equality compares the payload's bytes, so counts can key dictionaries.</remarks>
public readonly record struct OutcomeCount(int Context, byte[] Payload, long Count)
{
    /// <inheritdoc />
    public bool Equals(OutcomeCount other) =>
        Context == other.Context && Count == other.Count && Payload.AsSpan().SequenceEqual(other.Payload);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Context);
        hash.AddBytes(Payload);
        hash.Add(Count);
        return hash.ToHashCode();
    }
}
