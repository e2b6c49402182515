using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments;

public class LayoutFingerprintTests
{
    /// <summary>The layout a seed starts from, as text: every cell, the agent's cell and its direction.</summary>
    private static string Rendered(MiniGridEnvironment environment, int seed)
    {
        environment.Reset(seed);
        return environment.RenderText();
    }

    [Theory]
    [InlineData("doorkey-5x5")]
    [InlineData("doorkey-6x6")]
    public void Fingerprints_AreEqual_ExactlyWhenTheLayoutsAre(string name)
    {
        var environment = (MiniGridEnvironment)EnvironmentRegistry.Create(name);
        var seeds = Enumerable.Range(0, 150).ToArray();
        string[] layouts = [.. seeds.Select(s => Rendered(environment, s))];
        ulong[] fingerprints = [.. seeds.Select(environment.LayoutFingerprint)];

        int equalPairs = 0;
        for (int a = 0; a < seeds.Length; a++)
        {
            for (int b = a + 1; b < seeds.Length; b++)
            {
                bool sameLayout = layouts[a] == layouts[b];
                Assert.True(sameLayout == (fingerprints[a] == fingerprints[b]), $"seeds {a} and {b}: same layout {sameLayout}");
                equalPairs += sameLayout ? 1 : 0;
            }
        }
        Assert.True(equalPairs > 0, "no two seeds shared a layout, so equality was never tested");
    }

    [Fact]
    public void TwoSeedsWithTheSameLayout_HaveTheSameFingerprint()
    {
        var environment = (MiniGridEnvironment)EnvironmentRegistry.Create("doorkey-5x5");
        // Seeds 0 and 26 generate the same 5x5 layout; 1 does not.
        Assert.Equal(Rendered(environment, 0), Rendered(environment, 26));
        Assert.Equal(environment.LayoutFingerprint(0), environment.LayoutFingerprint(26));
        Assert.NotEqual(environment.LayoutFingerprint(0), environment.LayoutFingerprint(1));
    }

    [Fact]
    public void Fingerprinting_LeavesTheCurrentEpisodeAlone()
    {
        var environment = (MiniGridEnvironment)EnvironmentRegistry.Create("doorkey-8x8");
        environment.Reset(3);
        environment.Step(MiniGridEnvironment.Forward);
        string before = environment.RenderText();
        int steps = environment.StepCount;

        environment.LayoutFingerprint(7);

        Assert.Equal(before, environment.RenderText());
        Assert.Equal(steps, environment.StepCount);
        // Nor the generator: the next unseeded layout is the same with and without a fingerprint in between.
        var untouched = (MiniGridEnvironment)EnvironmentRegistry.Create("doorkey-8x8");
        untouched.Reset(3);
        untouched.Reset();
        environment.Reset();
        Assert.Equal(untouched.RenderText(), environment.RenderText());
    }

    [Fact]
    public void TheSeedGridWorld_HasOneLayout()
    {
        var world = new GridWorld();
        Assert.Single(Enumerable.Range(0, 20).Select(world.LayoutFingerprint).Distinct());
        Assert.NotEqual(world.LayoutFingerprint(0), new GridWorld(GridWorldLayout.Seed with { Goal = new GridPoint(4, 3) }).LayoutFingerprint(0));
    }
}
