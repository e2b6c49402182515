using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Neural;
using ProceduralMemory.Training.SkillRetrieval;

namespace ProceduralMemory.Tests.Training.SkillRetrieval;

/// <summary>The teacher's labelled demonstrations, the skill encoder's keys, and the retrieval measurement built on them.</summary>
public class SkillKeyRetrievalTests
{
    private const int Features = 71, Actions = 7; // MiniGrid's perception and action set
    private static readonly VariationalEncoderOptions Quick = new() { Epochs = 60, Seed = 3 };

    [Fact]
    public void ExpertDemonstrations_OnDoorKey_AreKeyDoorGoal_EachEndingWithTheActionThatAchievesIt()
    {
        List<LabelledDemonstration> demonstrations = ExpertDemonstrations.Collect("doorkey-5x5", Enumerable.Range(0, 10));
        var actions = EnvironmentRegistry.Create("doorkey-5x5").Actions;

        Assert.Equal(30, demonstrations.Count);
        foreach (var layout in demonstrations.GroupBy(d => d.LayoutSeed))
            Assert.Equal(["pickup(key)", "open(door)", "reach(goal)"], layout.Select(d => d.Skill));
        Assert.All(demonstrations.Where(d => d.Skill == "pickup(key)"), d => Assert.Equal("pickup", actions.Names[d.Steps[^1].Action]));
        Assert.All(demonstrations.Where(d => d.Skill == "open(door)"), d => Assert.Equal("toggle", actions.Names[d.Steps[^1].Action]));
        Assert.All(demonstrations, d => Assert.Equal(Features, d.Steps[0].Features.Length));
    }

    [Fact]
    public void ExpertDemonstrations_RefuseATaskThatIsNotMiniGrid() =>
        Assert.Throws<ArgumentException>(() => ExpertDemonstrations.Collect("gridworld", [0]));

    [Fact]
    public void EncoderKeys_AreUnitLength_TheSameForTheSameDemonstration_AndNamedByTheWeights()
    {
        List<LabelledDemonstration> demonstrations = ExpertDemonstrations.Collect("doorkey-6x6", Enumerable.Range(0, 20));
        List<float[]> summaries = [.. demonstrations.Select(d => DemonstrationSummary.Of(d.Steps, Features, Actions))];
        var keys = new SkillEncoderKeyProvider(StandardizedEncoder.Train(summaries, Quick).Encoder, Features, Actions);
        var other = new SkillEncoderKeyProvider(StandardizedEncoder.Train(summaries, Quick with { Seed = 4 }).Encoder, Features, Actions);

        float[] key = keys.KeyOf(demonstrations[0].Steps);
        Assert.Equal(Quick.LatentSize, key.Length);
        Assert.Equal(1.0, Math.Sqrt(key.Sum(v => (double)v * v)), 5);
        Assert.Equal(key, keys.KeyOf(demonstrations[0].Steps));
        Assert.StartsWith("skill-encoder/v1 dim=8 features=71 actions=7 weights=", keys.ModelId, StringComparison.Ordinal);
        Assert.NotEqual(keys.ModelId, other.ModelId);
        Assert.Throws<ArgumentException>(() => new SkillEncoderKeyProvider(StandardizedEncoder.Train(summaries, Quick).Encoder, Features, Actions + 1));

        var situations = new SituationEncoderKeyProvider(StandardizedEncoder.Train([.. demonstrations.Select(d => d.Steps[0].Features)], Quick).Encoder);
        float[] situationKey = situations.KeyOf(demonstrations[0].Steps[0].Features);
        Assert.Equal(1.0, Math.Sqrt(situationKey.Sum(v => (double)v * v)), 5);
        Assert.StartsWith("situation-encoder/v1 dim=8 features=71 weights=", situations.ModelId, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_OnALargerRoomThanTraining_EncoderKeysRetrieveTheRightSkillMoreOftenThanTheSituationProjection()
    {
        List<LabelledDemonstration> training = ExpertDemonstrations.Collect("doorkey-5x5", Enumerable.Range(0, 40));
        training.AddRange(ExpertDemonstrations.Collect("doorkey-8x8", Enumerable.Range(0, 40)));
        List<LabelledDemonstration> queries = ExpertDemonstrations.Collect("doorkey-16x16", Enumerable.Range(1000, 10));

        SkillRetrievalResult result = SkillKeyRetrieval.Measure(training, queries, Features, Actions, Quick, projectionDimension: 32, projectionSeed: 5);
        SkillRetrievalResult again = SkillKeyRetrieval.Measure(training, queries, Features, Actions, Quick, projectionDimension: 32, projectionSeed: 5);

        Assert.Equal(["open(door)", "pickup(key)", "reach(goal)"], result.Skills);
        Assert.Equal(240, result.TrainingDemonstrations);
        Assert.Equal(30, result.Queries);
        Assert.Equal(0, result.UnknownSkillQueries);
        Assert.True(result.Encoder >= 0.9, $"Encoder keys retrieved {result.Encoder:P1} right.");
        Assert.True(result.Encoder > result.SituationProjection, $"Encoder {result.Encoder:P1}, situation projection {result.SituationProjection:P1}.");
        Assert.InRange(result.SituationEncoder, 0.0, 1.0);
        Assert.Equal(result.Encoder, again.Encoder);
        Assert.Equal(result.EncoderModelId, again.EncoderModelId);
    }

    [Fact]
    public void Measure_LeavesOutQueriesOfSkillsTheLibraryLacks()
    {
        List<LabelledDemonstration> training = ExpertDemonstrations.Collect("unlock", Enumerable.Range(0, 10));
        List<LabelledDemonstration> queries = ExpertDemonstrations.Collect("doorkey-5x5", Enumerable.Range(0, 5));

        SkillRetrievalResult result = SkillKeyRetrieval.Measure(training, queries, Features, Actions, Quick with { Epochs = 5 }, 32, 5);

        Assert.Equal(["open(door)", "pickup(key)"], result.Skills);
        Assert.Equal(10, result.Queries);
        Assert.Equal(5, result.UnknownSkillQueries); // reach(goal): unlock has no goal
    }
}
