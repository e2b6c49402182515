using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ProceduralMemory.Memory.Store;

/// <summary>A skill key as a blob: its floats, little-endian <c>float32</c>, bit for bit. Every store keeps keys this way.</summary>
public static class KeyCodec
{
    /// <summary>The bytes of <paramref name="key"/>.</summary>
    public static byte[] Encode(float[] key)
    {
        if (BitConverter.IsLittleEndian)
            return MemoryMarshal.AsBytes(key.AsSpan()).ToArray();
        var bytes = new byte[4 * key.Length];
        for (int i = 0; i < key.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), key[i]);
        return bytes;
    }

    /// <summary>The key stored as <paramref name="bytes"/>, checked to be <paramref name="dimension"/> finite floats.</summary>
    /// <exception cref="InvalidDataException">The blob is not <paramref name="dimension"/> finite floats (a negative dimension accepts any length).</exception>
    public static float[] Decode(ReadOnlySpan<byte> bytes, int dimension)
    {
        if (bytes.Length % 4 != 0 || (dimension >= 0 && bytes.Length != 4 * dimension))
            throw new InvalidDataException($"its key has {bytes.Length} bytes, not {4 * dimension}");
        var key = new float[bytes.Length / 4];
        if (BitConverter.IsLittleEndian)
            bytes.CopyTo(MemoryMarshal.AsBytes(key.AsSpan()));
        else
            for (int i = 0; i < key.Length; i++)
                key[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]);
        int bad = key.AsSpan().IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
            throw new InvalidDataException($"its key has {key[bad]} at {bad}");
        return key;
    }
}
