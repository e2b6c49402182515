using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Training;

public class LayoutSplitTests
{
    private static readonly int[] Seeds0To99 = [.. Enumerable.Range(0, 100)];

    [Theory]
    [InlineData("doorkey-5x5")]
    [InlineData("doorkey-6x6")]
    [InlineData("doorkey-8x8")]
    public void TestAndDevelopmentLayouts_AreDistinct_AndDoNotOverlap(string name)
    {
        LayoutSplit split = LayoutSplit.Of(EnvironmentRegistry.Create(name), Seeds0To99);
        ulong[] test = [.. split.TestSeeds.Select(split.FingerprintOf)];
        ulong[] dev = [.. split.DevSeeds.Select(split.FingerprintOf)];

        Assert.Equal(test.Length, test.Distinct().Count());
        Assert.Equal(dev.Length, dev.Distinct().Count());
        Assert.Empty(test.Intersect(dev));
        Assert.NotEmpty(dev);
        Assert.All(split.DevSeeds, s => Assert.InRange(s, LayoutSplit.DevFirstSeed, LayoutSplit.DevFirstSeed + LayoutSplit.DevSeedCount - 1));
        Assert.All(test.Concat(dev), f => Assert.True(split.IsHeldOut(f)));
    }

    [Fact]
    public void DoorKey5x5_HasFortyEightLayouts_OfWhichAQuarterAreTested_AndAnEighthKeptForDevelopment()
    {
        LayoutSplit split = LayoutSplit.Of(EnvironmentRegistry.Create("doorkey-5x5"), Seeds0To99);

        Assert.Equal(48, split.LayoutCount);
        Assert.Equal(12, split.TestSeeds.Count);
        Assert.Equal(6, split.DevSeeds.Count);
        Assert.True(split.HoldsOut);
        // The test layouts are the first distinct ones in the order of the seeds given.
        Assert.Equal(0, split.TestSeeds[0]);
        Assert.DoesNotContain(26, split.TestSeeds); // seed 26 repeats seed 0's layout
    }

    [Fact]
    public void DoorKey8x8_SeedsZeroTo99_GiveNinetyNineLayouts_AndZeroTo100_GiveTheHundredTheTargetRuleNeeds()
    {
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-8x8");
        Assert.Equal(99, LayoutSplit.Of(environment, Seeds0To99).TestSeeds.Count);
        Assert.Equal(TargetRule.MinimumLayouts, LayoutSplit.Of(environment, Enumerable.Range(0, 101)).TestSeeds.Count);
    }

    [Fact]
    public void TheSeedGridWorld_HasOneLayout_SoNothingIsHeldOut()
    {
        LayoutSplit split = LayoutSplit.Of(new GridWorld(), Seeds0To99);

        Assert.Equal(1, split.LayoutCount);
        Assert.Equal([0], split.TestSeeds);
        Assert.Empty(split.DevSeeds);
        Assert.False(split.HoldsOut);
        Assert.False(split.IsHeldOut(split.FingerprintOf(0)));
    }

    [Fact]
    public void ForDevelopment_EvaluatesTheDevelopmentLayouts_AndHoldsOutTheSame()
    {
        LayoutSplit split = LayoutSplit.Of(EnvironmentRegistry.Create("doorkey-8x8"), Seeds0To99);
        LayoutSplit dev = split.ForDevelopment();

        Assert.Equal(split.TestSeeds, split.EvaluationSeeds);
        Assert.Equal(split.DevSeeds, dev.EvaluationSeeds);
        Assert.True(dev.EvaluatesDevelopment);
        Assert.All(split.TestSeeds.Concat(split.DevSeeds), s => Assert.True(dev.IsHeldOut(dev.FingerprintOf(s))));
    }

    [Fact]
    public void BySeed_TreatsEverySeedAsALayout()
    {
        LayoutSplit split = LayoutSplit.BySeed([5, 6, 5]);

        Assert.Equal([5, 6], split.TestSeeds);
        Assert.Null(split.LayoutCount);
        Assert.True(split.IsHeldOut(split.FingerprintOf(5)));
        Assert.False(split.IsHeldOut(split.FingerprintOf(7)));
    }
}
