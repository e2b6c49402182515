using ProceduralMemory.Memory.Keys;

namespace ProceduralMemory.Tests.Tools.Procedures;

/// <summary>
/// A deterministic bag-of-words key for tests: each lower-case word of three letters or more adds one to a bucket
/// chosen by its CRC-32C; the vector is scaled to unit length (the zero vector's key is the first axis).
/// </summary>
internal sealed class BagOfWordsKeys(int dimension = 256) : IKeyProvider<string>
{
    public string ModelId => $"bag-of-words-test dim={Dimension}";

    public int Dimension { get; } = dimension;

    public float[] KeyOf(string situation)
    {
        var key = new float[Dimension];
        foreach (string word in System.Text.RegularExpressions.Regex.Split(situation.ToLowerInvariant(), "[^a-z]+"))
            if (word.Length >= 3)
                key[ProceduralMemory.Checksum.Crc32C(System.Text.Encoding.UTF8.GetBytes(word)) % (uint)Dimension] += 1;
        double norm = Math.Sqrt(key.Sum(v => (double)v * v));
        if (norm == 0)
        {
            key[0] = 1;
            return key;
        }
        for (int i = 0; i < key.Length; i++)
            key[i] = (float)(key[i] / norm);
        return key;
    }
}
