using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class RedBlueDoorsTests
{
    [Fact]
    public void Generate_OverManySeeds_PutsTheRedDoorLeftAndTheBlueDoorRightOfTheMiddleRoom()
    {
        var env = new RedBlueDoorsEnvironment(6);
        Assert.Equal((12, 6, 720), (env.Width, env.Height, env.MaxSteps));
        var redRows = new HashSet<int>();
        var blueRows = new HashSet<int>();
        for (int seed = 0; seed < 200; seed++)
        {
            env.Reset(seed);
            List<CellPosition> doors = TaskLayouts.Cells(env, c => c is Door);
            CellPosition red = Assert.Single(doors, d => env.CellAt(d.X, d.Y) == new Door(ObjectColor.Red, DoorState.Closed));
            CellPosition blue = Assert.Single(doors, d => env.CellAt(d.X, d.Y) == new Door(ObjectColor.Blue, DoorState.Closed));

            Assert.Equal(2, doors.Count);
            Assert.Equal(RedBlueDoorsEnvironment.RedBlueDoorsMission, env.Mission);
            Assert.Equal(3, red.X);
            Assert.Equal(8, blue.X);
            redRows.Add(red.Y);
            blueRows.Add(blue.Y);
            Assert.InRange(env.AgentPosition.X, 4, 7);
            Assert.InRange(env.AgentPosition.Y, 1, 4);
            // The middle room's walls and the outer walls.
            Assert.All(Enumerable.Range(0, 6).Where(y => y != red.Y), y => Assert.IsType<Wall>(env.CellAt(3, y)));
            Assert.All(Enumerable.Range(0, 12), x => Assert.IsType<Wall>(env.CellAt(x, 0)));
        }
        Assert.Equal([1, 2, 3, 4], redRows.Order());
        Assert.Equal([1, 2, 3, 4], blueRows.Order());
    }

    [Fact]
    public void Open_RedThenBlue_EndsWithTheSuccessReward()
    {
        var env = Start(Door(DoorState.Closed), Direction.Left);
        Assert.False(env.Step(MiniGridEnvironment.Toggle).Terminated);
        WalkToTheBlueDoor(env);

        StepResult result = env.Step(MiniGridEnvironment.Toggle);

        Assert.True(result.Terminated);
        Assert.Equal(1 - 0.9 * 7 / 720, result.Reward, 9);
    }

    [Fact]
    public void Open_BlueFirst_EndsWithoutReward()
    {
        var env = Start(Door(DoorState.Closed), Direction.Right);

        StepResult result = env.Step(MiniGridEnvironment.Toggle);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
    }

    [Fact]
    public void Open_RedThenCloseItThenBlue_EndsWithoutReward()
    {
        // The red door must be open just before the blue one opens.
        var env = Start(Door(DoorState.Closed), Direction.Left);
        env.Step(MiniGridEnvironment.Toggle);
        env.Step(MiniGridEnvironment.Toggle);
        WalkToTheBlueDoor(env);

        StepResult result = env.Step(MiniGridEnvironment.Toggle);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
    }

    [Fact]
    public void Open_RedWhileBlueIsOpen_EndsWithoutReward()
    {
        // Only a recorded layout can start with the blue door open (opening it ends a generated episode).
        var env = Start(Door(DoorState.Open), Direction.Left);

        StepResult result = env.Step(MiniGridEnvironment.Toggle);

        Assert.True(result.Terminated);
        Assert.Equal(0, result.Reward);
    }

    private static Door Door(DoorState blue) => new(ObjectColor.Blue, blue);

    // From (4, 2) facing left: turn round and walk to (7, 2), facing the blue door.
    private static void WalkToTheBlueDoor(RedBlueDoorsEnvironment env)
    {
        int[] actions = [MiniGridEnvironment.Right, MiniGridEnvironment.Right, MiniGridEnvironment.Forward, MiniGridEnvironment.Forward, MiniGridEnvironment.Forward];
        foreach (int action in actions)
            Assert.False(env.Step(action).Terminated);
        Assert.Equal(new CellPosition(7, 2), env.AgentPosition);
    }

    // The 12x6 grid, the middle room walled from column 3 to 8, the red door at (3, 2) and the blue at (8, 2);
    // the agent next to the red door, at (4, 2), when facing left, and next to the blue, at (7, 2), when facing right.
    private static RedBlueDoorsEnvironment Start(Door blueDoor, Direction direction)
    {
        CellGrid grid = TaskLayouts.WalledRoom(12, 6);
        grid.WallRectangle(3, 0, 6, 6);
        grid.Set(3, 2, new Door(ObjectColor.Red, DoorState.Closed));
        grid.Set(8, 2, blueDoor);
        var env = new RedBlueDoorsEnvironment(6);
        env.Reset(new MiniGridLayout(grid, new CellPosition(direction == Direction.Left ? 4 : 7, 2), direction, RedBlueDoorsEnvironment.RedBlueDoorsMission));
        return env;
    }
}
