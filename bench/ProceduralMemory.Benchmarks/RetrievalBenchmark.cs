using BenchmarkDotNet.Attributes;
using ProceduralMemory;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Benchmarks;

/// <summary>
/// Top-8 retrieval over random unit keys (every skill applicable, so every key is scored): one query at a time
/// (the index's default: two passes, quantised then exact, for the 2.56 MB of 10,000 x 64; one float pass for
/// 10,000 x 8), the same with one float pass forced, a batch of queries sharing each pass over the keys, and the
/// per-skill loop the library used before the index (cosine per skill into a list, then a sort). Times are per query.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RetrievalBenchmark
{
    private const int Queries = 64, TopK = 8;

    private SkillIndex _index = null!;
    private SkillIndex _onePass = null!;
    private float[][] _keys = null!;
    private float[] _queries = null!;
    private readonly Facts[] _facts = new Facts[Queries];
    private readonly int[] _ids = new int[Queries * TopK];
    private readonly float[] _scores = new float[Queries * TopK];
    private readonly int[] _counts = new int[Queries];

    [Params(10_000)]
    public int Skills { get; set; }

    [Params(8, 64)]
    public int Dim { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Rng(1);
        _index = new SkillIndex(Dim, Skills);
        _onePass = new SkillIndex(Dim, Skills) { FirstPass = null };
        _keys = new float[Skills][];
        for (int i = 0; i < Skills; i++)
        {
            _keys[i] = RandomUnit(rng, Dim);
            _index.Add(i, _keys[i], FactCondition.Always);
            _onePass.Add(i, _keys[i], FactCondition.Always);
        }
        _queries = Enumerable.Range(0, Queries).SelectMany(_ => RandomUnit(rng, Dim)).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int Search() => SearchEach(_index);

    [Benchmark(OperationsPerInvoke = Queries)]
    public int SearchOnePass() => SearchEach(_onePass);

    private int SearchEach(SkillIndex index)
    {
        int found = 0;
        for (int q = 0; q < Queries; q++)
            found += index.Search(_queries.AsSpan(q * Dim, Dim), default, _ids.AsSpan(0, TopK), _scores.AsSpan(0, TopK));
        return found;
    }

    [Benchmark(OperationsPerInvoke = Queries)]
    public int SearchBatchOf4()
    {
        for (int q = 0; q < Queries; q += 4)
            _index.SearchBatch(_queries.AsSpan(q * Dim, 4 * Dim), _facts.AsSpan(q, 4), _ids.AsSpan(q * TopK, 4 * TopK),
                _scores.AsSpan(q * TopK, 4 * TopK), _counts.AsSpan(q, 4));
        return _counts[0];
    }

    /// <summary>What <c>SkillLibrary.Retrieve</c> did before the index: score each skill, sort them all, take the top.</summary>
    [Benchmark(OperationsPerInvoke = Queries / 16)]
    public int PerSkillLoop()
    {
        int found = 0;
        for (int q = 0; q < Queries / 16; q++)
        {
            ReadOnlySpan<float> query = _queries.AsSpan(q * Dim, Dim);
            var ranked = new List<(float Score, int Id)>();
            for (int i = 0; i < _keys.Length; i++)
                ranked.Add((VectorMath.CosineSimilarity(query, _keys[i]), i));
            ranked.Sort(static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
            found += ranked.Take(TopK).Count();
        }
        return found;
    }

    private static float[] RandomUnit(Rng rng, int dimension)
    {
        var v = new float[dimension];
        for (int i = 0; i < v.Length; i++)
            v[i] = (float)(2 * rng.NextDouble() - 1);
        VectorMath.NormalizeInPlace(v);
        return v;
    }
}
