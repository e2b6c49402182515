using System.Text.RegularExpressions;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class GoToObjectTests
{
    [Fact]
    public void Generate_OverManySeeds_PlacesTwoDistinctObjects_AndNamesOne()
    {
        var env = new GoToObjectEnvironment(6, 2);
        Assert.Equal((6, 6, 180), (env.Width, env.Height, env.MaxSteps));
        var types = new HashSet<ObjectType>();
        for (int seed = 0; seed < 300; seed++)
        {
            env.Reset(seed);
            List<CellPosition> objects = TaskLayouts.Cells(env, c => c is Key or Ball or Box);
            Match mission = Regex.Match(env.Mission, "^go to the (\\w+) (key|ball|box)$");

            Assert.Equal(2, objects.Count);
            Assert.NotEqual(env.CellAt(objects[0].X, objects[0].Y), env.CellAt(objects[1].X, objects[1].Y));
            Assert.True(mission.Success, env.Mission);
            CellPosition target = Assert.Single(objects, o =>
                ObjectNames.Of(env.CellAt(o.X, o.Y).Color) == mission.Groups[1].Value && env.CellAt(o.X, o.Y).TypeName == mission.Groups[2].Value);
            Assert.Equal(target, env.Target);
            Assert.DoesNotContain(env.AgentPosition, objects);
            Assert.InRange(env.AgentPosition.X, 1, 4);
            Assert.InRange(env.AgentPosition.Y, 1, 4);
            types.UnionWith(objects.Select(o => env.CellAt(o.X, o.Y).Type));
        }
        Assert.Equal([ObjectType.Key, ObjectType.Ball, ObjectType.Box], types.Order());
    }

    [Fact]
    public void Done_NextToTheTarget_Rewards_NextToTheOtherObject_DoesNot()
    {
        var env = Start(new CellPosition(2, 2));
        StepResult beside = env.Step(MiniGridEnvironment.Done);
        env = Start(new CellPosition(3, 3));
        StepResult besideOther = env.Step(MiniGridEnvironment.Done);

        Assert.True(beside.Terminated);
        Assert.Equal(1 - 0.9 * 1 / 180, beside.Reward, 9);
        Assert.True(besideOther.Terminated);
        Assert.Equal(0, besideOther.Reward);
    }

    [Fact]
    public void Toggle_EndsWithoutReward()
    {
        var env = Start(new CellPosition(2, 2));

        StepResult result = env.Step(MiniGridEnvironment.Toggle);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
    }

    // A 6x6 room with a blue ball at (2, 1), the target, and a grey box at (4, 3); the agent faces right.
    private static GoToObjectEnvironment Start(CellPosition agent)
    {
        CellGrid grid = TaskLayouts.WalledRoom(6, 6);
        grid.Set(2, 1, new Ball(ObjectColor.Blue));
        grid.Set(4, 3, new Box(ObjectColor.Grey));
        var env = new GoToObjectEnvironment(6, 2);
        env.Reset(new MiniGridLayout(grid, agent, Direction.Right, "go to the blue ball"));
        return env;
    }
}
