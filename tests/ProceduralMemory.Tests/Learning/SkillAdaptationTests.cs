using System.Security.Cryptography;
using ProceduralMemory.Learning;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Learning;

public class SkillAdaptationTests
{
    /// <summary>Steps whose action is the index of the largest of three features, or the next one round when <paramref name="shifted"/>.</summary>
    private static List<IReadOnlyList<AgentStep>> Experience(int demonstrations, bool shifted, ulong seed)
    {
        var rng = new Rng(seed);
        var all = new List<IReadOnlyList<AgentStep>>();
        for (int d = 0; d < demonstrations; d++)
        {
            var steps = new List<AgentStep>();
            for (int t = 0; t < 8; t++)
            {
                float[] features = [(float)rng.NextDouble(), (float)rng.NextDouble(), (float)rng.NextDouble()];
                int largest = Array.IndexOf(features, features.Max());
                steps.Add(new AgentStep(t, 0, features, shifted ? (largest + 1) % 3 : largest, 0, 0));
            }
            all.Add(steps);
        }
        return all;
    }

    private static Mlp Original()
    {
        var network = new Mlp(3, [16], 3, seed: 7);
        var data = new Demonstrations(3);
        foreach (IReadOnlyList<AgentStep> demonstration in Experience(40, shifted: false, seed: 1))
            foreach (AgentStep step in demonstration)
                data.Add(step.Features, step.Action);
        BehaviourCloning.Train(network, data, new BehaviourCloningOptions { Epochs = 60, LearningRate = 1e-2f, Seed = 1 });
        return network;
    }

    private static string Checksum(Mlp network) => Convert.ToHexString(SHA256.HashData(network.ToBytes()));

    private static readonly SkillAdaptationOptions Options = new() { Epochs = 20, LearningRate = 3e-3f, Seed = 5 };

    [Fact]
    public void Adapt_LeavesTheOriginalsWeightsBitIdentical()
    {
        Mlp original = Original();
        string before = Checksum(original);
        float[] parameters = original.Parameters.ToArray();

        SkillAdaptationResult result = SkillAdaptation.Adapt(original, Experience(20, shifted: true, seed: 2), Options);

        Assert.Equal(before, Checksum(original));
        Assert.Equal(parameters, original.Parameters.ToArray());
        Assert.NotEqual(before, Checksum(result.Copy));
    }

    [Fact]
    public void TheCopy_ImprovesOnTheNewSituation_JudgedOnStepsItNeverTrainedOn()
    {
        Mlp original = Original();
        SkillAdaptationResult result = SkillAdaptation.Adapt(original, Experience(20, shifted: true, seed: 2), Options);

        Assert.True(result.Accepted);
        Assert.True(result.CopyLoss < 0.75f * result.OriginalLoss, $"copy {result.CopyLoss}, original {result.OriginalLoss}");
        Assert.Equal(160, result.TrainingSteps + result.HeldOutSteps);
        Assert.Equal(40, result.HeldOutSteps); // every fourth step
        Assert.Equal(20 * 4, result.GradientSteps); // 120 training steps are 4 batches of 32, for 20 epochs

        // On fresh steps of the new situation too: the copy acts as it now should.
        var fresh = new Demonstrations(3);
        foreach (IReadOnlyList<AgentStep> demonstration in Experience(10, shifted: true, seed: 3))
            foreach (AgentStep step in demonstration)
                fresh.Add(step.Features, step.Action);
        Assert.True(SkillAdaptation.MeanLoss(result.Copy, fresh) < SkillAdaptation.MeanLoss(original, fresh));
    }

    [Fact]
    public void ACopyNoBetterThanTheOriginal_IsNotKept()
    {
        Mlp original = Original();
        // The original already does what this experience shows; a copy barely moved cannot halve its loss.
        SkillAdaptationResult result = SkillAdaptation.Adapt(original, Experience(10, shifted: false, seed: 4),
            Options with { Epochs = 1, LearningRate = 1e-6f, MinimumImprovement = 0.5 });
        Assert.False(result.Accepted);
    }

    [Fact]
    public void ExperienceTooShortToJudge_KeepsNothing_AndTrainsNothing()
    {
        Mlp original = Original();
        List<IReadOnlyList<AgentStep>> experience = [Experience(1, shifted: true, seed: 2)[0].Take(3).ToList()];
        SkillAdaptationResult result = SkillAdaptation.Adapt(original, experience, Options);
        Assert.False(result.Accepted);
        Assert.Equal(0, result.GradientSteps);
        Assert.Equal(Checksum(original), Checksum(result.Copy));
    }

    [Fact]
    public void SameSeed_SameCopy_BitForBit()
    {
        Mlp original = Original();
        List<IReadOnlyList<AgentStep>> experience = Experience(20, shifted: true, seed: 2);
        string first = Checksum(SkillAdaptation.Adapt(original, experience, Options).Copy);
        Assert.Equal(first, Checksum(SkillAdaptation.Adapt(original, experience, Options).Copy));
        Assert.NotEqual(first, Checksum(SkillAdaptation.Adapt(original, experience, Options with { Seed = 6 }).Copy));
    }

    public static TheoryData<SkillAdaptationOptions> BadOptions() =>
    [
        new() { Epochs = 0 },
        new() { BatchSize = 0 },
        new() { LearningRate = 0f },
        new() { LearningRate = float.NaN },
        new() { ValidationEvery = 1 },
        new() { MinimumImprovement = -0.1 },
        new() { MinimumImprovement = 1 },
    ];

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void BadOptions_AreRejected(SkillAdaptationOptions options) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SkillAdaptation.Adapt(Original(), Experience(2, shifted: true, seed: 2), options));
}
