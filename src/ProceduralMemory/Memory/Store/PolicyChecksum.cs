using ProceduralMemory.Memory.Policies;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The checksum kept beside each policy blob, as the kind's codec defines it: for network weights the one their own
/// format ends with (so it costs nothing to compute), for the other built-in kind the CRC-32C of the bytes.
/// </summary>
public static class PolicyChecksum
{
    /// <summary>The checksum of a policy of <paramref name="kind"/> with bytes <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">No codec is registered for <paramref name="kind"/>.</exception>
    public static uint Of(string kind, ReadOnlySpan<byte> data) => StoredPolicy.CodecOf(kind).Checksum(data);
}
