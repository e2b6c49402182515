using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments;

public class EnvironmentCheckerTests
{
    public static TheoryData<string> RegisteredNames() => new(EnvironmentRegistry.Names);

    [Theory]
    [MemberData(nameof(RegisteredNames))]
    public void Check_EveryRegisteredEnvironment_KeepsTheContract(string name)
    {
        IReadOnlyList<string> problems = EnvironmentChecker.Check(() => EnvironmentRegistry.Create(name), seed: 7, episodes: 3);

        Assert.Empty(problems);
    }

    [Fact]
    public void Registry_ListsTheGridWorldAndEveryMiniGridTask()
    {
        string[] miniGrid = [.. MiniGridFamily.Tasks.Select(task => task.Name)];
        string[] expected = ["gridworld", .. miniGrid];

        Assert.Equal(expected.Order(StringComparer.Ordinal), EnvironmentRegistry.Names.Order(StringComparer.Ordinal));
        Assert.Subset(miniGrid.ToHashSet(), new HashSet<string> { "doorkey-5x5", "doorkey-6x6", "doorkey-8x8", "doorkey-16x16", "empty-5x5", "lavagap-s7" });
    }

    [Fact]
    public void Check_AnEnvironmentThatIgnoresItsSeed_IsReported()
    {
        int instances = 0;
        IReadOnlyList<string> problems = EnvironmentChecker.Check(() => new UnseededEnvironment(instances++));

        Assert.Contains(problems, p => p.Contains("differ", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_AnEnvironmentThatNeverEndsOrThrows_IsReported()
    {
        IReadOnlyList<string> problems = EnvironmentChecker.Check(() => new UnseededEnvironment(0, endless: true), episodes: 1);

        Assert.Contains(problems, p => p.Contains("still running", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("did not throw", StringComparison.Ordinal));
    }

    // A broken environment: its observation depends on the instance, not the seed; optionally it never ends
    // and accepts any action. It ends anyway after 3 * MaxSteps so the checker's rollout terminates.
    private sealed class UnseededEnvironment(int instance, bool endless = false) : IEnvironment
    {
        private readonly ConstantObservation _observation = new(instance);
        private int _steps;

        public string Name => "unseeded";
        public ActionSpace Actions { get; } = new(["a", "b"]);
        public FactSchema Facts { get; } = new(["f"]);
        public int FeatureCount => 1;
        public int MaxSteps => 5;

        public ResetResult Reset(int? seed = null)
        {
            _steps = 0;
            return new ResetResult(_observation, EnvironmentInfo.Empty);
        }

        public StepResult Step(int action)
        {
            _steps++;
            bool done = endless ? _steps >= 3 * MaxSteps : _steps >= MaxSteps;
            return new StepResult(_observation, 0, false, done, EnvironmentInfo.Empty);
        }
    }

    private sealed class ConstantObservation(float value) : Observation
    {
        public override Facts Facts => default;
        public override int FeatureCount => 1;
        public override void WriteFeatures(Span<float> destination) => destination[0] = value;
        public override Observation Clone() => this;
    }
}
