using BenchmarkDotNet.Attributes;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Benchmarks;

/// <summary>
/// One behaviour-cloning epoch at the size a skill reaches in training (1,000 demonstrated steps of 71 features,
/// minibatches of 32, Adam), plus the fit evaluation <see cref="BehaviourCloning.Train"/> ends with.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class BehaviourCloningBenchmark
{
    private const int Features = 71, Actions = 7, Samples = 1000;

    private Demonstrations _data = null!;
    private Mlp _network = null!;
    private readonly BehaviourCloningOptions _options = new() { Epochs = 1, BatchSize = 32, LearningRate = 3e-3f, Seed = 3 };

    [GlobalSetup]
    public void Setup()
    {
        var (inputs, labels) = SampleData.Features(Samples, Features, Actions, seed: 4);
        _data = new Demonstrations(Features);
        for (int i = 0; i < Samples; i++)
            _data.Add(inputs.AsSpan(i * Features, Features), labels[i]);
        _network = new Mlp(Features, [64], Actions, seed: 5);
    }

    [Benchmark]
    public double Epoch() => BehaviourCloning.Train(_network, _data, _options).TrainingAccuracy;
}
