using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class LavaGapGenerationTests
{
    public static TheoryData<int> Sizes() => new(LavaGapEnvironment.RegisteredSizes);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generate_OverManySeeds_FollowsMiniGridsLavaGapRules(int size)
    {
        var env = new LavaGapEnvironment(size);
        var gaps = new HashSet<CellPosition>();
        for (int seed = 0; seed < 400; seed++)
        {
            env.Reset(seed);

            Assert.Equal((size, size), (env.Width, env.Height));
            Assert.Equal(4 * size * size, env.MaxSteps);
            gaps.Add(AssertFollowsLavaGapRules(env));
        }
        // Every column in [2, size-3] and every row in [1, size-2] is drawn.
        Assert.Equal((size - 4) * (size - 2), gaps.Count);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void RecordedReferenceLayouts_PassTheSameChecks(int size)
    {
        var env = new LavaGapEnvironment(size);
        foreach (var trace in GeneratedLayouts.Recorded($"MiniGrid-LavaGapS{size}-v0"))
        {
            env.Reset(trace.Layout);
            AssertFollowsLavaGapRules(env);
        }
    }

    [Fact]
    public void Generate_SameSeedSameLayout_OtherSeedsOtherLayouts()
    {
        List<string> layouts = GeneratedLayouts.LayoutsOfSeeds(() => new LavaGapEnvironment(7), 20);

        Assert.True(layouts.Distinct().Count() > 8);
    }

    [Fact]
    public void ShortestPlan_GoesThroughTheGap_NeverOverLava()
    {
        var env = new LavaGapEnvironment(7);
        for (int seed = 0; seed < 20; seed++)
        {
            env.Reset(seed);
            int[] plan = env.ShortestPlan()!;

            StepResult last = default;
            foreach (int action in plan)
                last = env.Step(action);

            Assert.True(last.Terminated);
            Assert.True(last.Reward > 0);
        }
    }

    // Checks one layout and returns its gap.
    private static CellPosition AssertFollowsLavaGapRules(MiniGridEnvironment env)
    {
        int size = env.Width;
        Assert.Equal("avoid the lava and get to the green goal square", env.Mission);
        Assert.Equal((new CellPosition(1, 1), Direction.Right), (env.AgentPosition, env.AgentDirection));
        GeneratedLayouts.AssertWalledOutline(env);
        Assert.Equal([new CellPosition(size - 2, size - 2)], GeneratedLayouts.CellsWhere(env, c => c is Goal));
        // One column of lava from the top wall to the bottom one, with exactly one gap; no other walls inside.
        Assert.Equal(4 * (size - 1), GeneratedLayouts.CellsWhere(env, c => c is Wall).Count);
        List<CellPosition> lava = GeneratedLayouts.CellsWhere(env, c => c is Lava);
        int column = lava[0].X;
        Assert.All(lava, cell => Assert.Equal(column, cell.X));
        Assert.Equal(size - 3, lava.Count);
        Assert.InRange(column, 2, size - 3);
        CellPosition gap = Enumerable.Range(1, size - 2).Select(y => new CellPosition(column, y)).Single(c => env.CellAt(c.X, c.Y) is Empty);
        Assert.Contains(new CellPosition(size - 2, size - 2), GeneratedLayouts.Reachable(env));
        return gap;
    }
}
