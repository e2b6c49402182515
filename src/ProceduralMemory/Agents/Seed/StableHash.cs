using System.Text;

namespace ProceduralMemory.Agents.Seed;

/// <summary>
/// A string hash that is the same in every process (64-bit FNV-1a over UTF-8).
/// </summary>
/// <remarks>
/// Fixes SEED_SPEC defect 2: the seed hashed with its language's per-process salted string hash, so the same
/// state embedded differently in every run. FNV-1a is fixed by definition.
/// </remarks>
public static class StableHash
{
    /// <summary>The 64-bit FNV-1a hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static ulong Fnv1a64(string text) => Fnv1a64(Encoding.UTF8.GetBytes(text));

    /// <summary>The 64-bit FNV-1a hash of <paramref name="bytes"/>.</summary>
    public static ulong Fnv1a64(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    /// <summary>The seed's embedding component for a text: <c>(hash mod 1000) / 1000</c>, in [0, 1).</summary>
    public static float Fraction(string text) => Fnv1a64(text) % 1000 / 1000f;
}
