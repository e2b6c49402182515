using System.Text.RegularExpressions;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class FetchTests
{
    [Fact]
    public void Generate_OverManySeeds_PlacesTwoKeysOrBalls_AndNamesOneInEveryPhrasing()
    {
        var env = new FetchEnvironment(5, 2);
        Assert.Equal((5, 5, 125), (env.Width, env.Height, env.MaxSteps));
        var phrasings = new HashSet<string>();
        for (int seed = 0; seed < 300; seed++)
        {
            env.Reset(seed);
            List<CellPosition> objects = TaskLayouts.Cells(env, c => c is Key or Ball);
            Match mission = Regex.Match(env.Mission, "^(.+) (\\w+) (key|ball)$");

            Assert.Equal(2, objects.Count);
            Assert.Empty(TaskLayouts.Cells(env, c => c is Box or Door or Goal));
            Assert.True(mission.Success, env.Mission);
            Assert.Contains(mission.Groups[1].Value, FetchEnvironment.Phrasings);
            phrasings.Add(mission.Groups[1].Value);
            Assert.Contains(objects, o => ObjectNames.Of(env.CellAt(o.X, o.Y).Color) == mission.Groups[2].Value
                && env.CellAt(o.X, o.Y).TypeName == mission.Groups[3].Value);
            Assert.DoesNotContain(env.AgentPosition, objects);
        }
        Assert.Equal(FetchEnvironment.Phrasings.Order(), phrasings.Order());
    }

    [Fact]
    public void PickUp_TheTarget_EndsWithTheSuccessReward()
    {
        var env = Start("go fetch a purple key", Direction.Right);

        StepResult result = env.Step(MiniGridEnvironment.PickUp);

        Assert.True(result.Terminated);
        Assert.Equal(1 - 0.9 * 1 / 125, result.Reward, 9);
    }

    [Fact]
    public void PickUp_AnotherObject_EndsWithoutReward()
    {
        var env = Start("go fetch a purple key", Direction.Down);

        StepResult result = env.Step(MiniGridEnvironment.PickUp);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
        Assert.Equal(new Key(ObjectColor.Green), env.Carrying);
    }

    [Fact]
    public void PickUp_AnObjectLikeTheTarget_Rewards_TheTargetIsAColourAndType()
    {
        var env = Start("get a green key", Direction.Down);

        StepResult result = env.Step(MiniGridEnvironment.PickUp);

        Assert.Equal(1 - 0.9 * 1 / 125, result.Reward, 9);
    }

    // A 5x5 room: the agent at (2, 2), a purple key to its right, a green key below it.
    private static FetchEnvironment Start(string mission, Direction direction)
    {
        CellGrid grid = TaskLayouts.WalledRoom(5, 5);
        grid.Set(3, 2, new Key(ObjectColor.Purple));
        grid.Set(2, 3, new Key(ObjectColor.Green));
        var env = new FetchEnvironment(5, 2);
        env.Reset(new MiniGridLayout(grid, new CellPosition(2, 2), direction, mission));
        return env;
    }
}
