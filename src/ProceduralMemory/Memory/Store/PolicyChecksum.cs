using System.Buffers.Binary;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The checksum kept beside each policy blob: for network weights the one their own format ends with (so it
/// costs nothing to compute), for other kinds the CRC-32C of the bytes.
/// </summary>
public static class PolicyChecksum
{
    /// <summary>The checksum of a policy of <paramref name="kind"/> with bytes <paramref name="data"/>.</summary>
    public static uint Of(string kind, ReadOnlySpan<byte> data) =>
        kind == MlpPolicy.KindName && data.Length >= 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(data[^4..])
            : Checksum.Crc32C(data);
}
