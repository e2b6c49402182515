using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class FourRoomsGenerationTests
{
    private const int Size = FourRoomsEnvironment.GridSize, Middle = Size / 2;

    [Fact]
    public void Generate_OverManySeeds_FollowsMiniGridsFourRoomsRules()
    {
        var env = new FourRoomsEnvironment();
        var openingCells = new HashSet<CellPosition>();
        var directions = new HashSet<Direction>();
        for (int seed = 0; seed < 400; seed++)
        {
            env.Reset(seed);

            Assert.Equal((19, 19), (env.Width, env.Height));
            Assert.Equal(100, env.MaxSteps);
            Assert.False(env.SeeThroughWalls);
            openingCells.UnionWith(AssertFollowsFourRoomsRules(env));
            directions.Add(env.AgentDirection);
        }
        // Every row or column strictly inside a room's side is drawn for some opening: 4 arms x 8 cells.
        Assert.Equal(32, openingCells.Count);
        Assert.Equal(4, directions.Count);
    }

    [Fact]
    public void RecordedReferenceLayouts_PassTheSameChecks()
    {
        var env = new FourRoomsEnvironment();
        foreach (var trace in GeneratedLayouts.Recorded("MiniGrid-FourRooms-v0"))
        {
            env.Reset(trace.Layout);
            AssertFollowsFourRoomsRules(env);
        }
    }

    [Fact]
    public void Generate_SameSeedSameLayout_OtherSeedsOtherLayouts()
    {
        List<string> layouts = GeneratedLayouts.LayoutsOfSeeds(() => new FourRoomsEnvironment(), 20);

        Assert.Equal(20, layouts.Distinct().Count());
    }

    // Checks one layout and returns the openings in the cross of walls.
    private static List<CellPosition> AssertFollowsFourRoomsRules(MiniGridEnvironment env)
    {
        Assert.Equal("reach the goal", env.Mission);
        GeneratedLayouts.AssertWalledOutline(env);
        // The cross of walls: each of its four arms has exactly one opening, strictly inside a room's side.
        var openings = new List<CellPosition>();
        for (int i = 1; i < Size - 1; i++)
        {
            if (i == Middle)
            {
                Assert.IsType<Wall>(env.CellAt(Middle, Middle));
                continue;
            }
            foreach (var cell in new[] { new CellPosition(Middle, i), new CellPosition(i, Middle) })
                if (env.CellAt(cell.X, cell.Y) is not Wall)
                    openings.Add(cell);
        }
        Assert.Equal(4, openings.Count);
        Assert.Single(openings, c => c.X == Middle && c.Y < Middle);
        Assert.Single(openings, c => c.X == Middle && c.Y > Middle);
        Assert.Single(openings, c => c.Y == Middle && c.X < Middle);
        Assert.Single(openings, c => c.Y == Middle && c.X > Middle);
        // No other walls inside the outline.
        Assert.Equal(4 * (Size - 1) + 2 * (Size - 2) - 1 - 4, GeneratedLayouts.CellsWhere(env, c => c is Wall).Count);

        List<CellPosition> goals = GeneratedLayouts.CellsWhere(env, c => c is Goal);
        Assert.Single(goals);
        Assert.NotEqual(goals[0], env.AgentPosition);
        Assert.Equal(Empty.Instance, env.CellAt(env.AgentPosition.X, env.AgentPosition.Y));
        Assert.Contains(goals[0], GeneratedLayouts.Reachable(env));
        return openings;
    }
}
