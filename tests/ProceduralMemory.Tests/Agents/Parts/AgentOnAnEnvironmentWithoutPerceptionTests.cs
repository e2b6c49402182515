using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Training;
using Xunit.Abstractions;

namespace ProceduralMemory.Tests.Agents.Parts;

public class AgentOnAnEnvironmentWithoutPerceptionTests(ITestOutputHelper output)
{
    private static readonly int[] HeldOut = [.. Enumerable.Range(0, 100)];

    [Fact]
    public void LearnsAFetchTaskDefinedOnlyInTheTests_AndBeatsARandomAgentOnLayoutsItNeverTrainedOn()
    {
        var environment = new FetchEnvironment();
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = 1 });
        var plan = new TrainingPlan { MaxSteps = 8_000, TrainingSeed = 1, EvaluationSeeds = HeldOut, EpisodeStepLimit = environment.MaxSteps };
        var trainedOn = new HashSet<(int, int, int)>();
        var recorder = new LayoutRecorder(trainedOn);

        LearningRun.Train(new RecordingAgent(agent, recorder), plan);
        EvaluationResult trained = LearningRun.Evaluate(agent, HeldOut, environment.MaxSteps);
        EvaluationResult random = LearningRun.Evaluate(new RandomAgent(environment, seed: 1), HeldOut, environment.MaxSteps);

        output.WriteLine($"trained: success {trained.SuccessRate}, return {trained.MeanReturn}, {agent.Library.Count} skills; "
            + $"random: success {random.SuccessRate}, return {random.MeanReturn}");
        // Held out by content, not just by seed: no evaluation layout was ever trained on.
        Assert.DoesNotContain(HeldOut, seed => trainedOn.Contains(FetchEnvironment.LayoutOf(seed)));
        Assert.True(agent.Library.Count >= 2, $"{agent.Library.Count} skills");
        // Measured: the trained agent succeeds on 100 of the 100 held-out layouts (return 0.77), the random one on 2.
        Assert.True(trained.SuccessRate >= 0.9 && trained.SuccessRate - random.SuccessRate >= 0.7,
            $"trained: success {trained.SuccessRate}, return {trained.MeanReturn}; random: success {random.SuccessRate}, return {random.MeanReturn}");
    }

    private sealed class LayoutRecorder(HashSet<(int, int, int)> layouts)
    {
        public void Add(int seed) => layouts.Add(FetchEnvironment.LayoutOf(seed));
    }

    /// <summary>Passes episodes through, noting the layouts the agent learns on.</summary>
    private sealed class RecordingAgent(ILearningAgent inner, LayoutRecorder recorder) : ILearningAgent
    {
        public string Name => inner.Name;

        public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
        {
            if (learn)
                recorder.Add(layoutSeed);
            return inner.PlayEpisode(layoutSeed, maxSteps, learn);
        }
    }
}
