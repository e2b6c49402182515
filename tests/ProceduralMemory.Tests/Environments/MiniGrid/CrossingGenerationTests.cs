using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class CrossingGenerationTests
{
    [Theory]
    [InlineData(9, 1, true)]
    [InlineData(11, 5, true)]
    [InlineData(9, 1, false)]
    [InlineData(11, 5, false)]
    public void Generate_OverManySeeds_HasMiniGridsRiversAndOnePathThroughThem(int size, int crossings, bool lava)
    {
        var env = new CrossingEnvironment(size, crossings, lava);
        var riverSets = new HashSet<string>();
        for (int seed = 0; seed < 300; seed++)
        {
            env.Reset(seed);

            Assert.Equal((size, size), (env.Width, env.Height));
            Assert.Equal(4 * size * size, env.MaxSteps);
            riverSets.Add(AssertFollowsCrossingRules(env, crossings, lava));
        }
        // Rivers of both orientations are drawn: every single river of the 6 candidates (size 9), and nearly all
        // of the C(8, 5) = 56 sets of 5 (size 11).
        if (crossings == 1)
            Assert.Equal(2 * ((size - 3) / 2), riverSets.Count);
        else
            Assert.True(riverSets.Count >= 50, $"{riverSets.Count} river sets");
    }

    [Theory]
    [InlineData("MiniGrid-LavaCrossingS9N1-v0", 1, true)]
    [InlineData("MiniGrid-LavaCrossingS11N5-v0", 5, true)]
    [InlineData("MiniGrid-SimpleCrossingS9N1-v0", 1, false)]
    [InlineData("MiniGrid-SimpleCrossingS11N5-v0", 5, false)]
    public void RecordedReferenceLayouts_PassTheSameChecks(string miniGridId, int crossings, bool lava)
    {
        MiniGridEnvironment env = MiniGridFamily.FindById(miniGridId)!.Create();
        foreach (var trace in GeneratedLayouts.Recorded(miniGridId))
        {
            env.Reset(trace.Layout);
            AssertFollowsCrossingRules(env, crossings, lava);
        }
    }

    [Fact]
    public void Generate_SameSeedSameLayout_OtherSeedsOtherLayouts()
    {
        List<string> layouts = GeneratedLayouts.LayoutsOfSeeds(() => new CrossingEnvironment(11, 5, lava: true), 20);

        Assert.Equal(20, layouts.Distinct().Count());
    }

    // Checks one layout and returns its rivers, as "columns|rows".
    private static string AssertFollowsCrossingRules(MiniGridEnvironment env, int crossings, bool lava)
    {
        int size = env.Width;
        Assert.Equal(lava ? "avoid the lava and get to the green goal square" : "find the opening and get to the green goal square", env.Mission);
        Assert.Equal((new CellPosition(1, 1), Direction.Right), (env.AgentPosition, env.AgentDirection));
        GeneratedLayouts.AssertWalledOutline(env);
        Assert.Equal([new CellPosition(size - 2, size - 2)], GeneratedLayouts.CellsWhere(env, c => c is Goal));

        // A river is an inner row or column of obstacles but for one opening; a line crossing rivers holds at
        // most as many obstacles as there are rivers across it, fewer than size - 3.
        Func<WorldObject, bool> isObstacle = lava ? c => c is Lava : c => c is Wall;
        var inner = Enumerable.Range(1, size - 2).ToList();
        var columns = inner.Where(x => inner.Count(y => isObstacle(env.CellAt(x, y))) >= size - 3).ToList();
        var rows = inner.Where(y => inner.Count(x => isObstacle(env.CellAt(x, y))) >= size - 3).ToList();
        Assert.Equal(crossings, columns.Count + rows.Count);
        Assert.All(columns.Concat(rows), at => Assert.True(at % 2 == 0 && at >= 2 && at <= size - 3, $"river at {at}"));
        // Obstacles lie only on rivers (and lava crossings have no inner walls).
        Assert.All(GeneratedLayouts.CellsWhere(env, isObstacle).Where(c => c.X > 0 && c.Y > 0 && c.X < size - 1 && c.Y < size - 1),
            cell => Assert.True(columns.Contains(cell.X) || rows.Contains(cell.Y)));
        if (lava)
            Assert.Equal(4 * (size - 1), GeneratedLayouts.CellsWhere(env, c => c is Wall).Count);
        // One opening per river, and the openings make a path to the goal.
        foreach (int x in columns)
            Assert.Single(inner, y => env.CellAt(x, y) is Empty);
        foreach (int y in rows)
            Assert.Single(inner, x => env.CellAt(x, y) is Empty);
        Assert.Contains(new CellPosition(size - 2, size - 2), GeneratedLayouts.Reachable(env));
        return string.Join(",", columns) + "|" + string.Join(",", rows);
    }
}
