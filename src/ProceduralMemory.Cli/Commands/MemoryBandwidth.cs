using System.Diagnostics;
using System.Numerics.Tensors;

namespace ProceduralMemory.Cli.Commands;

/// <summary>One core's streaming read bandwidth, measured in this process: the yardstick for scans of a key matrix.</summary>
internal static class MemoryBandwidth
{
    /// <summary>
    /// Bytes per second of the best of <paramref name="passes"/> sums over an array of <paramref name="bytes"/>
    /// (far more than any cache, so every pass streams from memory).
    /// </summary>
    public static double Measure(long bytes = 512L << 20, int passes = 5)
    {
        var data = new float[bytes / sizeof(float)];
        // Writing every page first, so that no pass pays for the operating system handing out memory.
        data.AsSpan().Fill(1f);
        double best = 0;
        float sink = 0;
        for (int pass = 0; pass < passes; pass++)
        {
            long start = Stopwatch.GetTimestamp();
            sink += TensorPrimitives.Sum(data);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            best = Math.Max(best, data.Length * (double)sizeof(float) / seconds);
        }
        GC.KeepAlive(sink);
        return best;
    }
}
