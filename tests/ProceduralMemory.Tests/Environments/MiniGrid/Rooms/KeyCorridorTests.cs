using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;
using static ProceduralMemory.Environments.MiniGrid.MiniGridEnvironment;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Rooms;

public class KeyCorridorTests
{
    public static TheoryData<int, int> Sizes()
    {
        var sizes = new TheoryData<int, int>();
        foreach (var (size, rows) in KeyCorridorEnvironment.RegisteredSizes)
            sizes.Add(size, rows);
        return sizes;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generate_OverManySeeds_BallBehindALockedDoorOnTheRight_KeyOnTheLeft_AllRoomsConnected(int size, int rows)
    {
        var env = new KeyCorridorEnvironment(size, rows);
        var ballRows = new HashSet<int>();
        var keyRows = new HashSet<int>();
        var layouts = new HashSet<string>();
        for (int seed = 0; seed < 150; seed++)
        {
            env.Reset(seed);
            layouts.Add(RoomLayouts.Fingerprint(env));
            int step = size - 1;

            Assert.Equal((3 * step + 1, rows * step + 1), (env.Width, env.Height));
            CellPosition ball = Assert.Single(RoomLayouts.Find(env, c => c is Ball));
            CellPosition key = Assert.Single(RoomLayouts.Find(env, c => c is Key));
            CellPosition lockedDoor = Assert.Single(RoomLayouts.Find(env, c => c is Door { State: DoorState.Locked }));
            var door = (Door)env.CellAt(lockedDoor.X, lockedDoor.Y);
            Assert.Equal(PickUpTargetEnvironment.MissionFor(env.CellAt(ball.X, ball.Y)), env.Mission);
            Assert.Equal(new Key(door.Color), env.CellAt(key.X, key.Y));
            Assert.Equal(2, ball.X / step);
            Assert.Equal(2 * step, lockedDoor.X);
            Assert.Equal(ball.Y / step, lockedDoor.Y / step);
            Assert.True(key.X < step);
            // The agent's room is the middle one of the corridor, whose removed walls it may stand on.
            Assert.InRange(env.AgentPosition.X, step + 1, 2 * step - 1);
            Assert.InRange(env.AgentPosition.Y, rows / 2 * step, (rows / 2 + 1) * step);
            ballRows.Add(ball.Y / step);
            keyRows.Add(key.Y / step);
            // The middle column is one corridor: no wall between its rooms.
            for (int j = 1; j < rows; j++)
                Assert.IsType<Empty>(env.CellAt(step + 1, j * step));
            // Every room is reachable through unlocked doors but the ball's, and the key opens that one.
            var (opened, reached) = RoomLayouts.OpenableDoors(env);
            Assert.Equal([lockedDoor], opened);
            Assert.Contains(ball, reached);
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < rows; j++)
                    Assert.Contains(reached, c => c.X / step == i && c.Y / step == j && c.X % step != 0 && c.Y % step != 0);
        }
        Assert.Equal(rows, ballRows.Count);
        Assert.Equal(rows, keyRows.Count);
        Assert.True(layouts.Count > (rows == 1 ? 40 : 140), $"{layouts.Count} distinct layouts");
    }

    [Theory]
    [InlineData(3, 1, 270)]
    [InlineData(4, 3, 480)]
    [InlineData(6, 3, 1080)]
    public void MaxSteps_AreThirtyTimesTheRoomArea(int size, int rows, int expected) =>
        Assert.Equal(expected, new KeyCorridorEnvironment(size, rows).MaxSteps);

    [Fact]
    public void Generate_SameSeed_SameLayout()
    {
        KeyCorridorEnvironment a = new(4, 3), b = new(4, 3);
        a.Reset(8);
        b.Reset(8);

        Assert.Equal(RoomLayouts.Fingerprint(a), RoomLayouts.Fingerprint(b));
        b.Reset(9);
        Assert.NotEqual(RoomLayouts.Fingerprint(a), RoomLayouts.Fingerprint(b));
    }

    [Fact]
    public void PickingUpTheBall_Succeeds_TheKey_DoesNot()
    {
        var env = new KeyCorridorEnvironment(3, 1);
        env.Reset(RoomLayouts.Parse("pick up the blue ball", "#######", "#.Dk>o#", "#######"));

        env.Step(Left);
        env.Step(Left);
        StepResult key = env.Step(PickUp);
        env.Step(Right);
        env.Step(Right);
        StepResult stillCarrying = env.Step(PickUp);
        env.Step(Left);
        env.Step(Left);
        env.Step(Drop);
        env.Step(Right);
        env.Step(Right);
        StepResult ball = env.Step(PickUp);

        Assert.Equal((0.0, false), (key.Reward, key.Terminated));
        Assert.Equal((0.0, false), (stillCarrying.Reward, stillCarrying.Terminated));
        Assert.True(ball.Terminated);
        Assert.Equal(1 - 0.9 * 12 / 270, ball.Reward, 9);
    }
}
