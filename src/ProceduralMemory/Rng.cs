namespace ProceduralMemory;

/// <summary>
/// The library's seeded pseudo-random generator (xoshiro256** seeded through SplitMix64).
/// </summary>
/// <remarks>
/// Our own generator rather than <see cref="Random"/> so that a seed means the same sequence on every runtime
/// version and platform: every run of the library is a function of its seed.
/// </remarks>
public sealed class Rng
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a generator whose whole sequence is determined by <paramref name="seed"/>.</summary>
    public Rng(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = BitRotate(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitRotate(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        // Lemire's multiply-shift with rejection: unbiased, and almost never loops.
        uint bound = (uint)exclusiveMax;
        ulong product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        if ((uint)product < bound)
        {
            uint threshold = (0u - bound) % bound;
            while ((uint)product < threshold)
                product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        }
        return (int)(product >> 32);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int min, int exclusiveMax) => min + NextInt(exclusiveMax - min);

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static ulong SplitMix64(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong BitRotate(ulong x, int k) => (x << k) | (x >> (64 - k));
}
