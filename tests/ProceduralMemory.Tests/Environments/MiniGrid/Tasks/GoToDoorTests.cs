using System.Text.RegularExpressions;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class GoToDoorTests
{
    public static TheoryData<int> Sizes() => new(GoToDoorEnvironment.RegisteredSizes);

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generate_OverManySeeds_PutsFourColouredDoorsOneInEachWall_AndNamesOne(int size)
    {
        var env = new GoToDoorEnvironment(size);
        Assert.Equal(4 * size * size, env.MaxSteps);
        var roomSizes = new HashSet<(int, int)>();
        var targetColors = new HashSet<ObjectColor>();
        for (int seed = 0; seed < 300; seed++)
        {
            env.Reset(seed);
            List<CellPosition> doors = TaskLayouts.Cells(env, c => c is Door);
            // The room is walled from the corner: its far corner is the last wall cell on the diagonal.
            int width = 1 + Enumerable.Range(0, size).Last(x => env.CellAt(x, 0) is Wall or Door);
            int height = 1 + Enumerable.Range(0, size).Last(y => env.CellAt(0, y) is Wall or Door);
            roomSizes.Add((width, height));
            Match mission = Regex.Match(env.Mission, "^go to the (\\w+) door$");

            Assert.InRange(width, 5, size);
            Assert.InRange(height, 5, size);
            Assert.Equal(4, doors.Count);
            Assert.Equal(4, doors.Select(d => env.CellAt(d.X, d.Y).Color).Distinct().Count());
            Assert.All(doors, d => Assert.Equal(DoorState.Closed, ((Door)env.CellAt(d.X, d.Y)).State));
            Assert.Single(doors, d => d.Y == 0 && d.X >= 2 && d.X <= width - 3);
            Assert.Single(doors, d => d.Y == height - 1 && d.X >= 2 && d.X <= width - 3);
            Assert.Single(doors, d => d.X == 0 && d.Y >= 2 && d.Y <= height - 3);
            Assert.Single(doors, d => d.X == width - 1 && d.Y >= 2 && d.Y <= height - 3);
            Assert.True(mission.Success, env.Mission);
            CellPosition target = Assert.Single(doors, d => ObjectNames.Of(env.CellAt(d.X, d.Y).Color) == mission.Groups[1].Value);
            Assert.Equal(target, env.Target);
            targetColors.Add(env.CellAt(target.X, target.Y).Color);
            Assert.InRange(env.AgentPosition.X, 1, width - 2);
            Assert.InRange(env.AgentPosition.Y, 1, height - 2);
        }
        Assert.Equal((size - 4) * (size - 4), roomSizes.Count);
        Assert.Equal(6, targetColors.Count);
    }

    [Fact]
    public void Done_NextToTheTargetDoor_EndsWithTheSuccessReward()
    {
        var env = Start(agent: new CellPosition(2, 1), Direction.Up, "go to the red door");

        StepResult result = env.Step(MiniGridEnvironment.Done);

        Assert.True(result.Terminated);
        Assert.Equal(1 - 0.9 * 1 / 100, result.Reward, 9);
    }

    [Fact]
    public void Done_NextToAnotherDoor_EndsWithoutReward()
    {
        var env = Start(agent: new CellPosition(1, 2), Direction.Left, "go to the red door");

        StepResult result = env.Step(MiniGridEnvironment.Done);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
    }

    [Fact]
    public void Done_DiagonallyNextToTheTarget_EndsWithoutReward()
    {
        var env = Start(agent: new CellPosition(1, 1), Direction.Up, "go to the red door");

        StepResult result = env.Step(MiniGridEnvironment.Done);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
    }

    [Fact]
    public void Toggle_EvenOnTheTargetDoor_EndsWithoutReward_ButOtherActionsDoNot()
    {
        var env = Start(agent: new CellPosition(2, 1), Direction.Up, "go to the red door");

        Assert.False(env.Step(MiniGridEnvironment.Left).Terminated);
        Assert.False(env.Step(MiniGridEnvironment.PickUp).Terminated);
        env.Step(MiniGridEnvironment.Right);
        StepResult result = env.Step(MiniGridEnvironment.Toggle);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
        Assert.Equal(new Door(ObjectColor.Red, DoorState.Open), env.CellAt(2, 0));
    }

    [Fact]
    public void Reset_FromALayoutWhoseMissionNamesNoDoorOnTheGrid_IsRejected()
    {
        var env = new GoToDoorEnvironment(5);
        var layout = new MiniGridLayout(Room(), new CellPosition(2, 2), Direction.Up, "go to the purple door");

        Assert.Throws<ArgumentException>(() => env.Reset(layout));
    }

    [Theory]
    [InlineData("go to the pink door")]
    [InlineData("go to the red  door")]
    [InlineData("get to the green goal square")]
    public void Reset_FromALayoutWithAnotherTasksMission_IsRejected(string mission)
    {
        var env = new GoToDoorEnvironment(5);

        Assert.Throws<ArgumentException>(() => env.Reset(new MiniGridLayout(Room(), new CellPosition(2, 2), Direction.Up, mission)));
    }

    [Fact]
    public void View_SeesThroughWalls_AsMiniGridsInstructionTasksDo()
    {
        // An 8x8 grid holding a 5x5 room: facing right from (2, 2), the wall at x = 4 hides nothing behind it.
        var env = new GoToDoorEnvironment(8);
        var grid = new CellGrid(8, 8);
        grid.WallRectangle(0, 0, 5, 5);
        grid.Set(2, 0, new Door(ObjectColor.Red, DoorState.Closed));
        grid.Set(6, 2, new Ball(ObjectColor.Blue));
        env.Reset(new MiniGridLayout(grid, new CellPosition(2, 2), Direction.Right, "go to the red door"));

        Assert.Equal(new CellEncoding(2, 5, 0), env.Observation.ViewAt(3, 4));
        Assert.Equal(new CellEncoding(1, 0, 0), env.Observation.ViewAt(3, 3));
        Assert.Equal(new CellEncoding(6, 2, 0), env.Observation.ViewAt(3, 2));
        // The closed door, seen from inside, does not hide the cell beyond it either (outside the grid: wall).
        Assert.Equal(new CellEncoding(4, 0, 1), env.Observation.ViewAt(1, 6));
        Assert.Equal(new CellEncoding(2, 5, 0), env.Observation.ViewAt(0, 6));
    }

    // A 5x5 room: red door at the top (2, 0), green on the left (0, 2), blue at the bottom, yellow on the right.
    private static CellGrid Room()
    {
        CellGrid grid = TaskLayouts.WalledRoom(5, 5);
        grid.Set(2, 0, new Door(ObjectColor.Red, DoorState.Closed));
        grid.Set(0, 2, new Door(ObjectColor.Green, DoorState.Closed));
        grid.Set(2, 4, new Door(ObjectColor.Blue, DoorState.Closed));
        grid.Set(4, 2, new Door(ObjectColor.Yellow, DoorState.Closed));
        return grid;
    }

    private static GoToDoorEnvironment Start(CellPosition agent, Direction direction, string mission)
    {
        var env = new GoToDoorEnvironment(5);
        env.Reset(new MiniGridLayout(Room(), agent, direction, mission));
        return env;
    }
}
