using ProceduralMemory;

namespace ProceduralMemory.Benchmarks;

/// <summary>Feature vectors shaped like the agent's: mostly one-hot slots and -1/0/1 map cells, about half zero.</summary>
internal static class SampleData
{
    public static (float[] Inputs, int[] Labels) Features(int samples, int features, int actions, ulong seed)
    {
        var rng = new Rng(seed);
        var inputs = new float[samples * features];
        var labels = new int[samples];
        for (int i = 0; i < inputs.Length; i++)
            inputs[i] = rng.NextInt(2) == 0 ? 0f : rng.NextInt(3) - 1 + (float)rng.NextDouble() * 0.25f;
        for (int i = 0; i < samples; i++)
            labels[i] = rng.NextInt(actions);
        return (inputs, labels);
    }
}
