using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;
using static ProceduralMemory.Environments.MiniGrid.MiniGridEnvironment;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Rooms;

public class UnlockTasksTests
{
    public static TheoryData<string> Tasks() => new("unlock", "unlockpickup", "blockedunlockpickup");

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Generate_OverManySeeds_TwoRoomsALockedDoorAndItsKeyOnTheAgentsSide(string name)
    {
        var doorColors = new HashSet<ObjectColor>();
        var layouts = new HashSet<string>();
        for (int seed = 0; seed < 300; seed++)
        {
            MiniGridEnvironment env = Create(name);
            env.Reset(seed);
            layouts.Add(RoomLayouts.Fingerprint(env));

            Assert.Equal((11, 6), (env.Width, env.Height));
            CellPosition door = Assert.Single(RoomLayouts.Find(env, c => c is Door));
            var locked = Assert.IsType<Door>(env.CellAt(door.X, door.Y));
            doorColors.Add(locked.Color);
            Assert.Equal((5, DoorState.Locked), (door.X, locked.State));
            Assert.InRange(door.Y, 1, 4);
            CellPosition key = Assert.Single(RoomLayouts.Find(env, c => c is Key));
            Assert.Equal(new Key(locked.Color), env.CellAt(key.X, key.Y));
            Assert.InRange(key.X, 1, 4);
            Assert.InRange(env.AgentPosition.X, 1, 4);
            Assert.Contains(door, RoomLayouts.OpenableDoors(env).Opened);
            if (name == "unlock")
                Assert.Equal("open the door", env.Mission);
            else
            {
                CellPosition box = Assert.Single(RoomLayouts.Find(env, c => c is Box));
                Assert.InRange(box.X, 6, 9);
                Assert.Equal(PickUpTargetEnvironment.MissionFor(env.CellAt(box.X, box.Y)), env.Mission);
            }
            if (name == "blockedunlockpickup")
                Assert.IsType<Ball>(env.CellAt(door.X - 1, door.Y));
            else
                Assert.Empty(RoomLayouts.Find(env, c => c is Ball));
        }
        Assert.Equal(6, doorColors.Count);
        Assert.True(layouts.Count > 290);
    }

    [Theory]
    [MemberData(nameof(Tasks))]
    public void Generate_SameSeed_SameLayout(string name)
    {
        MiniGridEnvironment a = Create(name), b = Create(name);
        a.Reset(11);
        b.Reset(11);

        Assert.Equal(RoomLayouts.Fingerprint(a), RoomLayouts.Fingerprint(b));
        Assert.Equal(a.Mission, b.Mission);
        b.Reset(12);
        Assert.NotEqual(RoomLayouts.Fingerprint(a), RoomLayouts.Fingerprint(b));
    }

    [Theory]
    [InlineData("unlock", 288)]
    [InlineData("unlockpickup", 288)]
    [InlineData("blockedunlockpickup", 576)]
    public void MaxSteps_AreMiniGrids(string name, int expected) => Assert.Equal(expected, Create(name).MaxSteps);

    [Fact]
    public void Unlock_OpeningTheDoorWithItsKey_EndsTheEpisodeWithTheSuccessReward()
    {
        var env = new UnlockEnvironment();
        env.Reset(UnlockLayout("open the door"));

        Assert.Equal(0, env.Step(Toggle).Reward);  // no key: the door stays locked
        env.Step(Right);
        env.Step(PickUp);
        env.Step(Left);
        StepResult opened = env.Step(Toggle);

        Assert.True(opened.Terminated);
        Assert.Equal(1 - 0.9 * 5 / 288, opened.Reward, 9);
    }

    [Fact]
    public void Unlock_OtherMission_Throws()
    {
        Assert.Throws<ArgumentException>(() => new UnlockEnvironment().Reset(UnlockLayout("pick up the red key")));
    }

    [Theory]
    [InlineData("unlockpickup")]
    [InlineData("blockedunlockpickup")]
    public void PickingUpTheNamedBox_Succeeds_AnotherObject_DoesNot(string name)
    {
        MiniGridEnvironment env = Create(name);
        env.Reset(RoomLayouts.Parse(
            "pick up the blue box",
            "###########",
            "#.........#",
            "#...X>x...#",
            "#....k....#",
            "#.........#",
            "###########"));

        env.Step(Left);
        env.Step(Left);
        StepResult wrongColour = env.Step(PickUp);
        env.Step(Right);
        StepResult dropped = env.Step(Drop);
        env.Step(Left);
        env.Step(Left);
        StepResult wrongKind = env.Step(PickUp);
        env.Step(Drop);
        env.Step(Left);
        StepResult target = env.Step(PickUp);

        Assert.Equal((0.0, false), (wrongColour.Reward, wrongColour.Terminated));
        Assert.Equal((0.0, false), (dropped.Reward, dropped.Terminated));
        Assert.Equal((0.0, false), (wrongKind.Reward, wrongKind.Terminated));
        Assert.True(target.Terminated);
        Assert.Equal(1 - 0.9 * 11 / env.MaxSteps, target.Reward, 9);
    }

    [Fact]
    public void PickUpTask_MissionNamingAnAbsentObject_Throws()
    {
        MiniGridLayout layout = UnlockLayout("pick up the purple box");

        Assert.Throws<ArgumentException>(() => new UnlockPickupEnvironment().Reset(layout));
    }

    // The agent at (4, 2) facing the locked red door at (5, 2), its key below the agent.
    private static MiniGridLayout UnlockLayout(string mission) => RoomLayouts.Parse(
        mission,
        "###########",
        "#....#....#",
        "#...>L....#",
        "#...k#....#",
        "#....#.x..#",
        "###########");

    private static MiniGridEnvironment Create(string name) =>
        MiniGridFamily.Tasks.Single(task => task.Name == name).Create();
}
