using System.Buffers.Binary;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Sqlite;

/// <summary>
/// The checksum kept beside each policy blob: for network weights the FNV-1a their own format ends with (so it
/// costs nothing to compute), for other kinds the FNV-1a of the bytes.
/// </summary>
internal static class PolicyChecksum
{
    public static uint Of(string kind, ReadOnlySpan<byte> data) =>
        kind == MlpPolicy.KindName && data.Length >= 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(data[^4..])
            : Fnv1a(data);

    private static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        uint hash = 2166136261;
        foreach (byte b in data)
            hash = (hash ^ b) * 16777619;
        return hash;
    }
}
