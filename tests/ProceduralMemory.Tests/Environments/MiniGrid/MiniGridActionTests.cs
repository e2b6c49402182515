using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using static ProceduralMemory.Environments.MiniGrid.MiniGridEnvironment;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class MiniGridActionTests
{
    private static readonly Door LockedDoor = new(ObjectColor.Yellow, DoorState.Locked);
    private static readonly Door ClosedDoor = new(ObjectColor.Yellow, DoorState.Closed);
    private static readonly Door OpenDoor = new(ObjectColor.Yellow, DoorState.Open);
    private static readonly Key YellowKey = new(ObjectColor.Yellow);

    [Theory]
    [InlineData(Left, Direction.Up)]
    [InlineData(Right, Direction.Down)]
    public void Turning_ChangesOnlyTheDirection(int action, Direction expected)
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>.#", "#...#", "#####");

        StepResult result = env.Step(action);

        Assert.Equal(expected, env.AgentDirection);
        Assert.Equal(new CellPosition(2, 2), env.AgentPosition);
        Assert.Equal(0, result.Reward);
    }

    [Fact]
    public void TurningLeftFromRight_WrapsToUp_AndFourRightsComeBack()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>.#", "#...#", "#####");

        env.Step(Left);
        Assert.Equal(Direction.Up, env.AgentDirection);
        for (int i = 0; i < 4; i++)
            env.Step(Right);
        Assert.Equal(Direction.Up, env.AgentDirection);
    }

    [Fact]
    public void Forward_OntoAnEmptyCell_Moves()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>.#", "#...#", "#####");

        env.Step(Forward);

        Assert.Equal(new CellPosition(3, 2), env.AgentPosition);
    }

    [Theory]
    [InlineData('#')]
    [InlineData('D')]
    [InlineData('L')]
    [InlineData('K')]
    public void Forward_IntoAWallClosedDoorOrKey_StaysPut(char blocker)
    {
        var env = AsciiLayout.Start("#####", "#...#", $"#.>{blocker}#", "#...#", "#####");

        StepResult result = env.Step(Forward);

        Assert.Equal(new CellPosition(2, 2), env.AgentPosition);
        Assert.False(result.Terminated);
    }

    [Fact]
    public void Forward_ThroughAnOpenDoor_Moves()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>O#", "#...#", "#####");

        env.Step(Forward);

        Assert.Equal(new CellPosition(3, 2), env.AgentPosition);
        Assert.Equal(OpenDoor, env.CellAt(3, 2));
    }

    [Fact]
    public void Forward_OntoTheGoal_TerminatesWithTheTimeDiscountedReward()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#>.G#", "#...#", "#####");

        StepResult first = env.Step(Forward);
        StepResult second = env.Step(Forward);

        Assert.Equal((0.0, false), (first.Reward, first.Terminated));
        Assert.True(second.Terminated);
        Assert.False(second.Truncated);
        Assert.Equal(1 - 0.9 * (2.0 / 250), second.Reward, 12);
        Assert.True(second.Observation.Facts.Get(MiniGridObservation.AtGoalFact));
        Assert.Equal(new CellPosition(3, 2), env.AgentPosition);
    }

    [Fact]
    public void PickUp_AKeyInFront_CarriesItAndEmptiesTheCell()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>K#", "#...#", "#####");

        StepResult result = env.Step(PickUp);

        Assert.Equal(YellowKey, env.Carrying);
        Assert.Equal(Empty.Instance, env.CellAt(3, 2));
        Assert.True(result.Observation.Facts.Get(MiniGridObservation.HasKeyFact));
    }

    [Fact]
    public void PickUp_WhileCarrying_LeavesTheSecondKeyWhereItIs()
    {
        var env = AsciiLayout.Start("#####", "#.K.#", "#.>r#", "#...#", "#####");
        env.Step(PickUp);
        env.Step(Left);

        env.Step(PickUp);

        Assert.Equal(new Key(ObjectColor.Red), env.Carrying);
        Assert.Equal(YellowKey, env.CellAt(2, 1));
    }

    [Theory]
    [InlineData('#')]
    [InlineData('L')]
    [InlineData('G')]
    [InlineData('.')]
    public void PickUp_OfAnythingButAKey_DoesNothing(char cell)
    {
        var env = AsciiLayout.Start("#####", "#...#", $"#.>{cell}#", "#...#", "#####");
        WorldObject before = env.CellAt(3, 2);

        env.Step(PickUp);

        Assert.Null(env.Carrying);
        Assert.Equal(before, env.CellAt(3, 2));
    }

    [Fact]
    public void Drop_OntoTheEmptyCellInFront_PutsTheKeyThere()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>K#", "#...#", "#####");
        env.Step(PickUp);
        env.Step(Right);

        env.Step(Drop);

        Assert.Null(env.Carrying);
        Assert.Equal(YellowKey, env.CellAt(2, 3));
    }

    [Theory]
    [InlineData('#')]
    [InlineData('r')]
    [InlineData('G')]
    [InlineData('O')]
    public void Drop_OntoAnOccupiedCell_KeepsTheKey(char cell)
    {
        var env = AsciiLayout.Start("#####", "#.K.#", $"#.^{cell}#", "#...#", "#####");
        env.Step(PickUp);
        env.Step(Right);
        WorldObject before = env.CellAt(3, 2);

        env.Step(Drop);

        Assert.Equal(YellowKey, env.Carrying);
        Assert.Equal(before, env.CellAt(3, 2));
    }

    [Fact]
    public void Drop_EmptyHanded_DoesNothing()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>.#", "#...#", "#####");

        env.Step(Drop);

        Assert.Equal(Empty.Instance, env.CellAt(3, 2));
    }

    [Fact]
    public void Toggle_ALockedDoorWithItsKey_UnlocksAndOpensItAtOnce_AndTheKeyStaysInHand()
    {
        var env = AsciiLayout.Start("#####", "#.K.#", "#.^L#", "#...#", "#####");
        env.Step(PickUp);
        env.Step(Right);

        StepResult result = env.Step(Toggle);

        Assert.Equal(OpenDoor, env.CellAt(3, 2));
        Assert.Equal(YellowKey, env.Carrying);
        Assert.True(result.Observation.Facts.Get(MiniGridObservation.DoorOpenFact));
    }

    [Fact]
    public void Toggle_ALockedDoorWithAKeyOfAnotherColour_LeavesItLocked()
    {
        var env = AsciiLayout.Start("#####", "#.r.#", "#.^L#", "#...#", "#####");
        env.Step(PickUp);
        env.Step(Right);

        StepResult result = env.Step(Toggle);

        Assert.Equal(LockedDoor, env.CellAt(3, 2));
        Assert.False(result.Observation.Facts.Get(MiniGridObservation.DoorOpenFact));
    }

    [Fact]
    public void Toggle_ALockedDoorEmptyHanded_LeavesItLocked()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>L#", "#...#", "#####");

        env.Step(Toggle);

        Assert.Equal(LockedDoor, env.CellAt(3, 2));
    }

    [Fact]
    public void Toggle_AnUnlockedDoor_OpensAndClosesItWithoutAKey()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>D#", "#...#", "#####");

        env.Step(Toggle);
        Assert.Equal(OpenDoor, env.CellAt(3, 2));
        env.Step(Toggle);
        Assert.Equal(ClosedDoor, env.CellAt(3, 2));
    }

    [Theory]
    [InlineData('#')]
    [InlineData('K')]
    [InlineData('G')]
    public void Toggle_AnythingButADoor_DoesNothing(char cell)
    {
        var env = AsciiLayout.Start("#####", "#...#", $"#.>{cell}#", "#...#", "#####");
        WorldObject before = env.CellAt(3, 2);

        env.Step(Toggle);

        Assert.Equal(before, env.CellAt(3, 2));
    }

    [Fact]
    public void Done_ChangesNothingButTheStepCount()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>K#", "#...#", "#####");
        MiniGridLayout before = env.CurrentLayout();

        StepResult result = env.Step(Done);

        Assert.Equal((0.0, false, false), (result.Reward, result.Terminated, result.Truncated));
        Assert.Equal(1, env.StepCount);
        Assert.Equal(before.EncodeGrid(), env.CurrentLayout().EncodeGrid());
        Assert.Equal((before.AgentPosition, before.AgentDirection), (env.AgentPosition, env.AgentDirection));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    public void Step_WithAnInvalidAction_Throws(int action)
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>.#", "#...#", "#####");

        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step(action));
    }
}
