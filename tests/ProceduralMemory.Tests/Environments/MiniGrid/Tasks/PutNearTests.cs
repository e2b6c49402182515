using System.Text.RegularExpressions;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class PutNearTests
{
    [Fact]
    public void Generate_OverManySeeds_PlacesTwoDistinctObjectsApart_AndNamesBoth()
    {
        var env = new PutNearEnvironment(6, 2);
        Assert.Equal((6, 6, 30), (env.Width, env.Height, env.MaxSteps));
        for (int seed = 0; seed < 300; seed++)
        {
            env.Reset(seed);
            List<CellPosition> objects = TaskLayouts.Cells(env, c => c is Key or Ball or Box);
            Match mission = Regex.Match(env.Mission, "^put the (\\w+) (\\w+) near the (\\w+) (\\w+)$");
            string NameAt(CellPosition c) => $"{ObjectNames.Of(env.CellAt(c.X, c.Y).Color)} {env.CellAt(c.X, c.Y).TypeName}";

            Assert.Equal(2, objects.Count);
            Assert.NotEqual(NameAt(objects[0]), NameAt(objects[1]));
            Assert.True(Math.Max(Math.Abs(objects[0].X - objects[1].X), Math.Abs(objects[0].Y - objects[1].Y)) >= 2, $"seed {seed}: objects touch.");
            Assert.True(mission.Success, env.Mission);
            string move = $"{mission.Groups[1].Value} {mission.Groups[2].Value}", target = $"{mission.Groups[3].Value} {mission.Groups[4].Value}";
            Assert.NotEqual(move, target);
            Assert.Equal(new[] { move, target }.Order(), objects.Select(NameAt).Order());
            Assert.Equal(target, NameAt(env.Target));
            Assert.DoesNotContain(env.AgentPosition, objects);
        }
    }

    [Fact]
    public void Drop_TheMovedObjectNextToTheTarget_EndsWithTheSuccessReward()
    {
        var env = Start();
        env.Step(MiniGridEnvironment.PickUp);
        env.Step(MiniGridEnvironment.Left);

        StepResult result = env.Step(MiniGridEnvironment.Drop);

        Assert.True(result.Terminated);
        Assert.Equal(1 - 0.9 * 3 / 30, result.Reward, 9);
        Assert.Equal(new Key(ObjectColor.Blue), env.CellAt(2, 2));
    }

    [Fact]
    public void Drop_AwayFromTheTarget_EndsWithoutReward()
    {
        var env = Start();
        env.Step(MiniGridEnvironment.PickUp);

        StepResult result = env.Step(MiniGridEnvironment.Drop);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
    }

    [Fact]
    public void Drop_OntoAnOccupiedCellNextToTheTarget_EndsWithoutReward()
    {
        // The drop fails (the target is in front), so what was carried is not in front: no reward, but the end.
        var env = Start();
        env.Step(MiniGridEnvironment.PickUp);
        env.Step(MiniGridEnvironment.Left);
        env.Step(MiniGridEnvironment.Forward);

        StepResult result = env.Step(MiniGridEnvironment.Drop);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
        Assert.Equal(new Key(ObjectColor.Blue), env.Carrying);
    }

    [Fact]
    public void PickUp_TheTarget_Ends_PickingUpTheObjectToMove_DoesNot()
    {
        var env = Start();
        Assert.False(env.Step(MiniGridEnvironment.PickUp).Terminated);
        env = Start();
        env.Step(MiniGridEnvironment.Left);
        env.Step(MiniGridEnvironment.Forward);

        StepResult result = env.Step(MiniGridEnvironment.PickUp);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
        Assert.Equal(new Box(ObjectColor.Purple), env.Carrying);
    }

    [Fact]
    public void Drop_WithEmptyHands_DoesNotEndTheEpisode()
    {
        var env = Start();

        Assert.False(env.Step(MiniGridEnvironment.Drop).Terminated);
    }

    // A 6x6 room: the agent at (2, 1) facing left at the blue key (1, 1), the object to move; the purple box, the
    // target, at (2, 3), two below the agent (turning left faces it down).
    private static PutNearEnvironment Start()
    {
        CellGrid grid = TaskLayouts.WalledRoom(6, 6);
        grid.Set(1, 1, new Key(ObjectColor.Blue));
        grid.Set(2, 3, new Box(ObjectColor.Purple));
        var env = new PutNearEnvironment(6, 2);
        env.Reset(new MiniGridLayout(grid, new CellPosition(2, 1), Direction.Left, "put the blue key near the purple box"));
        return env;
    }
}
