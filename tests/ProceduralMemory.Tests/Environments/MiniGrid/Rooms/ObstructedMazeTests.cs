using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Tasks;
using static ProceduralMemory.Environments.MiniGrid.MiniGridEnvironment;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Rooms;

public class ObstructedMazeTests
{
    public static TheoryData<string> Variants() => [.. ObstructedMazeVariant.Registered.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Generate_OverManySeeds_FollowsTheVariantsRules(string name)
    {
        ObstructedMazeVariant variant = ObstructedMazeVariant.Registered.Single(v => v.Name == name);
        var env = new ObstructedMazeEnvironment(variant);
        int lockedDoorsExpected = variant.TwoRooms ? 1 : 2 * variant.Quarters;
        var ballCorners = new HashSet<(int, int)>();
        var layouts = new HashSet<string>();
        int coveredKeys = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            env.Reset(seed);
            layouts.Add(RoomLayouts.Fingerprint(env));

            Assert.Equal(variant.TwoRooms ? (11, 6) : (16, 16), (env.Width, env.Height));
            Assert.Equal("pick up the blue ball", env.Mission);
            CellPosition target = Assert.Single(RoomLayouts.Find(env, c => c is Ball { Color: ObjectColor.Blue }));
            var lockedDoors = RoomLayouts.Find(env, c => c is Door { State: DoorState.Locked });
            Assert.Equal(lockedDoorsExpected, lockedDoors.Count);
            // Six colours for up to eight locked doors: distinct only while two quarters or fewer are in play.
            if (variant.TwoRooms || variant.Quarters <= 2)
                Assert.Equal(lockedDoors.Count, lockedDoors.Select(d => env.CellAt(d.X, d.Y).Color).Distinct().Count());
            Assert.Equal(variant.TwoRooms ? 0 : variant.Quarters, RoomLayouts.Find(env, c => c is Door { State: DoorState.Closed }).Count);
            var blockers = RoomLayouts.Find(env, c => c is Ball { Color: ObjectColor.Green });
            Assert.Equal(variant.Blocked ? lockedDoors.Count : 0, blockers.Count);
            var hiddenKeys = RoomLayouts.Find(env, c => c is Box { Color: ObjectColor.Grey, Contains: Key });
            var bareKeys = RoomLayouts.Find(env, c => c is Key);
            Assert.Empty(variant.KeyInBox ? bareKeys : hiddenKeys);
            int keys = hiddenKeys.Count + bareKeys.Count;
            if (variant.TwoRooms)
                Assert.InRange(target.X, 6, 9);
            else
            {
                var corner = (target.X / 5, target.Y / 5);
                Assert.Contains(corner, new[] { (2, 0), (2, 2), (0, 2), (0, 0) }.Take(variant.Quarters));
                ballCorners.Add(corner);
                Assert.Equal((variant.AgentColumn, variant.AgentRow), (env.AgentPosition.X / 5, env.AgentPosition.Y / 5));
            }
            var (opened, reached) = RoomLayouts.OpenableDoors(env);
            if (keys == lockedDoors.Count)
            {
                Assert.Equal(lockedDoors.Count, opened.Count);
                Assert.Contains(target, reached);
            }
            else
            {
                // Version 0's bug: a blocking ball placed after a key may cover it. Version 1 and mazes
                // whose blocking balls all come before the keys never lose one.
                Assert.True(variant is { KeysAfterDoors: false, Blocked: true, TwoRooms: false });
                coveredKeys++;
            }
        }
        // In version 0 each side room's first key lies under its second blocking ball once in 15 layouts (the
        // key draws from 15 free cells): kept as MiniGrid has it, and no more often.
        if (variant is { KeysAfterDoors: false, Blocked: true, TwoRooms: false })
        {
            double expected = 150 * (1 - Math.Pow(14.0 / 15, variant.Quarters));
            Assert.InRange(coveredKeys, 1, 2 * expected);
        }
        Assert.Equal(variant.TwoRooms ? 0 : variant.Quarters, ballCorners.Count);
        Assert.True(layouts.Count > 140);
    }

    [Theory]
    [InlineData("obstructedmaze-1dl", 288)]
    [InlineData("obstructedmaze-2dlhb", 576)]
    [InlineData("obstructedmaze-1q", 720)]
    [InlineData("obstructedmaze-2q", 1584)]
    [InlineData("obstructedmaze-full", 3600)]
    [InlineData("obstructedmaze-full-v1", 3600)]
    public void MaxSteps_AreFourTimesTheRoomsToVisitTimesTheRoomArea(string name, int expected) =>
        Assert.Equal(expected, new ObstructedMazeEnvironment(ObstructedMazeVariant.Registered.Single(v => v.Name == name)).MaxSteps);

    [Fact]
    public void Generate_SameSeed_SameLayout()
    {
        ObstructedMazeVariant full = ObstructedMazeVariant.Registered.Single(v => v.Name == "obstructedmaze-full");
        ObstructedMazeEnvironment a = new(full), b = new(full);
        a.Reset(3);
        b.Reset(3);

        Assert.Equal(RoomLayouts.Fingerprint(a), RoomLayouts.Fingerprint(b));
        b.Reset(4);
        Assert.NotEqual(RoomLayouts.Fingerprint(a), RoomLayouts.Fingerprint(b));
    }

    [Fact]
    public void PickingUpTheBlueBall_Succeeds_TheBlockingBallOrTheKey_DoNot()
    {
        var env = new ObstructedMazeEnvironment(ObstructedMazeVariant.Registered.Single(v => v.Name == "obstructedmaze-1dlhb"));
        env.Reset(RoomLayouts.Parse(
            "pick up the blue ball",
            "###########",
            "#....#....#",
            "#.h>gL.o..#",
            "#....#....#",
            "#....#....#",
            "###########"));

        StepResult blocker = env.Step(PickUp);
        Assert.Equal(new Ball(ObjectColor.Green), env.Carrying);
        env.Step(Right);
        env.Step(Drop);
        env.Step(Right);
        env.Step(Toggle);
        StepResult key = env.Step(PickUp);
        Assert.Equal(new Key(ObjectColor.Red), env.Carrying);
        env.Step(Left);
        env.Step(Left);
        env.Step(Forward);
        StepResult unlocked = env.Step(Toggle);
        Assert.Equal(new Door(ObjectColor.Red, DoorState.Open), env.CellAt(5, 2));
        env.Step(Forward);
        env.Step(Forward);
        StepResult stillCarrying = env.Step(PickUp);
        env.Step(Right);
        env.Step(Drop);
        env.Step(Left);
        StepResult ball = env.Step(PickUp);

        Assert.All([blocker, key, unlocked, stillCarrying], step => Assert.Equal((0.0, false), (step.Reward, step.Terminated)));
        Assert.True(ball.Terminated);
        Assert.Equal(1 - 0.9 * 17 / 288, ball.Reward, 9);
    }
}
