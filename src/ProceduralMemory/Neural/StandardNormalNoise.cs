namespace ProceduralMemory.Neural;

/// <summary>
/// Approximately standard normal draws from <see cref="Rng"/>: the sum of twelve uniforms minus six (Irwin-Hall),
/// mean 0 and variance 1. No logarithm or cosine (Box-Muller's), whose last bits may differ between platforms, so
/// a seed gives the same noise everywhere; the tails stop at ±6, which a reparameterised code never misses.
/// </summary>
public static class StandardNormalNoise
{
    /// <summary>Fills <paramref name="destination"/> with independent draws.</summary>
    public static void Fill(Rng rng, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(rng);
        for (int i = 0; i < destination.Length; i++)
        {
            double sum = 0;
            for (int k = 0; k < 12; k++)
                sum += rng.NextDouble();
            destination[i] = (float)(sum - 6.0);
        }
    }
}
