using BenchmarkDotNet.Attributes;
using ProceduralMemory;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Benchmarks;

/// <summary>
/// A skill's network as the learning agent builds it (71 features, one hidden layer of 64, 7 actions): the forward
/// pass of one sample, and forward plus backward of one sample inside a minibatch of 32 (gradients only, no
/// optimiser step). Times are per sample.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MlpBenchmark
{
    private const int Features = 71, Actions = 7, Batch = 32;

    private Mlp _network = null!;
    private float[] _inputs = null!;
    private int[] _labels = null!;
    private readonly float[] _logits = new float[Actions];

    [GlobalSetup]
    public void Setup()
    {
        _network = new Mlp(Features, [64], Actions, seed: 1);
        (_inputs, _labels) = SampleData.Features(Batch, Features, Actions, seed: 2);
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public float Forward()
    {
        for (int i = 0; i < Batch; i++)
            _network.Forward(_inputs.AsSpan(i * Features, Features), _logits);
        return _logits[0];
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public float ForwardBackward() => _network.AccumulateGradients(_inputs, _labels, default);
}
