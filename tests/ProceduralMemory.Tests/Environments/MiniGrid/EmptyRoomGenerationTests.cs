using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class EmptyRoomGenerationTests
{
    [Theory]
    [InlineData(5, false)]
    [InlineData(6, true)]
    [InlineData(16, false)]
    public void Generate_OverManySeeds_FollowsMiniGridsEmptyRules(int size, bool randomStart)
    {
        var env = new EmptyRoomEnvironment(size, randomStart);
        var starts = new HashSet<(CellPosition, Direction)>();
        for (int seed = 0; seed < 1000; seed++)
        {
            env.Reset(seed);

            Assert.Equal((size, size), (env.Width, env.Height));
            Assert.Equal(4 * size * size, env.MaxSteps);
            Assert.True(env.SeeThroughWalls);
            AssertFollowsEmptyRules(env, randomStart);
            starts.Add((env.AgentPosition, env.AgentDirection));
        }
        if (randomStart)
            Assert.Equal(((size - 2) * (size - 2) - 1) * 4, starts.Count); // every empty cell, every direction
        else
            Assert.Equal([(new CellPosition(1, 1), Direction.Right)], starts);
    }

    [Theory]
    [InlineData("MiniGrid-Empty-5x5-v0", false)]
    [InlineData("MiniGrid-Empty-Random-6x6-v0", true)]
    [InlineData("MiniGrid-Empty-16x16-v0", false)]
    public void RecordedReferenceLayouts_PassTheSameChecks(string miniGridId, bool randomStart)
    {
        MiniGridEnvironment env = MiniGridFamily.FindById(miniGridId)!.Create();
        foreach (var trace in GeneratedLayouts.Recorded(miniGridId))
        {
            env.Reset(trace.Layout);
            AssertFollowsEmptyRules(env, randomStart);
        }
    }

    [Fact]
    public void Generate_RandomStart_SameSeedSameLayout_OtherSeedsOtherLayouts()
    {
        List<string> layouts = GeneratedLayouts.LayoutsOfSeeds(() => new EmptyRoomEnvironment(6, randomStart: true), 30);

        Assert.True(layouts.Distinct().Count() > 15);
    }

    [Fact]
    public void Generate_FixedStart_IsTheSameRoomForEverySeed()
    {
        List<string> layouts = GeneratedLayouts.LayoutsOfSeeds(() => new EmptyRoomEnvironment(5, randomStart: false), 10);

        Assert.Single(layouts.Distinct());
    }

    [Fact]
    public void Registry_NamesTheThreeRoomsAfterMiniGrid()
    {
        Assert.Equal("empty-5x5", MiniGridFamily.FindById("MiniGrid-Empty-5x5-v0")!.Create().Name);
        Assert.Equal("empty-random-6x6", MiniGridFamily.FindById("MiniGrid-Empty-Random-6x6-v0")!.Create().Name);
        Assert.Equal("empty-16x16", MiniGridFamily.FindById("MiniGrid-Empty-16x16-v0")!.Create().Name);
    }

    private static void AssertFollowsEmptyRules(MiniGridEnvironment env, bool randomStart)
    {
        int size = env.Width;
        Assert.Equal("get to the green goal square", env.Mission);
        GeneratedLayouts.AssertWalledOutline(env);
        Assert.Equal([new CellPosition(size - 2, size - 2)], GeneratedLayouts.CellsWhere(env, c => c is Goal));
        // Inside the outline, only the goal.
        Assert.Equal((size - 2) * (size - 2) - 1, GeneratedLayouts.CellsWhere(env, c => c is Empty).Count);
        Assert.Equal(Empty.Instance, env.CellAt(env.AgentPosition.X, env.AgentPosition.Y));
        Assert.Contains(new CellPosition(size - 2, size - 2), GeneratedLayouts.Reachable(env));
        if (!randomStart)
            Assert.Equal((new CellPosition(1, 1), Direction.Right), (env.AgentPosition, env.AgentDirection));
    }
}
