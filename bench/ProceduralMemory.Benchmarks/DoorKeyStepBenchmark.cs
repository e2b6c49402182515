using BenchmarkDotNet.Attributes;
using ProceduralMemory;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Benchmarks;

/// <summary>
/// One DoorKey step under uniformly random actions, the full 7x7 observation built each time. Each invocation
/// runs <see cref="StepsPerInvoke"/> steps (resetting when an episode ends, as an agent's loop would), so the
/// reported time and allocation are per step.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DoorKeyStepBenchmark
{
    private const int StepsPerInvoke = 4096;

    private DoorKeyEnvironment _env = null!;
    private int[] _actions = null!;
    private readonly byte[] _image = new byte[7 * 7 * 3];

    [Params(8, 16)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _env = new DoorKeyEnvironment(Size);
        _env.Reset(seed: 1);
        var rng = new Rng(2);
        _actions = new int[StepsPerInvoke];
        for (int i = 0; i < _actions.Length; i++)
            _actions[i] = rng.NextInt(_env.Actions.Count);
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double Step()
    {
        double reward = 0;
        foreach (int action in _actions)
        {
            StepResult result = _env.Step(action);
            reward += result.Reward;
            if (result.Done)
                _env.Reset();
        }
        return reward;
    }

    /// <summary>The same steps, each also copying the view out as MiniGrid's 147-byte image (what a consumer of the raw view pays).</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    public double StepAndWriteImage()
    {
        double reward = 0;
        foreach (int action in _actions)
        {
            StepResult result = _env.Step(action);
            _env.Observation.WriteImage(_image);
            reward += result.Reward;
            if (result.Done)
                _env.Reset();
        }
        return reward;
    }
}
