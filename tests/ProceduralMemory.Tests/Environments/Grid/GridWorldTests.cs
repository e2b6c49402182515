using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;

namespace ProceduralMemory.Tests.Environments.Grid;

public class GridWorldTests
{
    private static (GridWorld World, GridWorldObservation Observation) Started()
    {
        var world = new GridWorld();
        return (world, (GridWorldObservation)world.Reset().Observation);
    }

    private static void Walk(GridWorld world, params int[] actions)
    {
        foreach (int action in actions)
            world.Step(action);
    }

    [Fact]
    public void Reset_PutsAgentAtStartWithNoKeyAndClosedDoor()
    {
        var (_, observation) = Started();
        Assert.Equal(new GridPoint(0, 0), observation.Position);
        Assert.False(observation.HasKey);
        Assert.False(observation.DoorOpen);
        Assert.False(observation.AtGoal);
    }

    [Theory]
    [InlineData(GridWorld.MoveUp, 2, 3)]
    [InlineData(GridWorld.MoveDown, 2, 1)]
    [InlineData(GridWorld.MoveLeft, 1, 2)]
    [InlineData(GridWorld.MoveRight, 3, 2)]
    public void Move_ChangesOneCoordinateByOne_AndCostsPointOne(int action, int x, int y)
    {
        var (world, _) = Started();
        Walk(world, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.MoveUp);
        StepResult step = world.Step(action);
        Assert.Equal(new GridPoint(x, y), ((GridWorldObservation)step.Observation).Position);
        Assert.Equal(-0.1, step.Reward);
        Assert.False(step.Done);
    }

    [Theory]
    [InlineData(GridWorld.MoveDown)]
    [InlineData(GridWorld.MoveLeft)]
    public void Move_IsClampedAtTheLowerEdges(int action)
    {
        var (world, _) = Started();
        StepResult step = world.Step(action);
        Assert.Equal(new GridPoint(0, 0), ((GridWorldObservation)step.Observation).Position);
        Assert.Equal(-0.1, step.Reward);
    }

    [Fact]
    public void Move_IsClampedAtTheUpperEdges()
    {
        var (world, _) = Started();
        for (int i = 0; i < 7; i++)
            world.Step(GridWorld.MoveUp);
        for (int i = 0; i < 7; i++)
            world.Step(GridWorld.MoveRight);
        var observation = (GridWorldObservation)world.Step(GridWorld.MoveUp).Observation;
        Assert.Equal(new GridPoint(4, 4), observation.Position);
    }

    [Fact]
    public void PickupKey_OnTheKeyCell_TakesItForOnePoint_Once()
    {
        var (world, _) = Started();
        Walk(world, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.MoveUp);
        StepResult first = world.Step(GridWorld.PickupKey);
        Assert.Equal(1.0, first.Reward);
        Assert.True(((GridWorldObservation)first.Observation).HasKey);
        Assert.True(first.Observation.Facts.Get(world.Facts.IndexOf("has_key")));

        StepResult again = world.Step(GridWorld.PickupKey);
        Assert.Equal(-0.1, again.Reward);
    }

    [Fact]
    public void PickupKey_AwayFromTheKey_DoesNothing()
    {
        var (world, _) = Started();
        StepResult step = world.Step(GridWorld.PickupKey);
        Assert.Equal(-0.1, step.Reward);
        Assert.False(((GridWorldObservation)step.Observation).HasKey);
    }

    [Fact]
    public void OpenDoor_WithoutTheKey_DoesNothing()
    {
        var (world, _) = Started();
        Walk(world, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.MoveUp, GridWorld.MoveUp);
        StepResult step = world.Step(GridWorld.OpenDoor);
        Assert.Equal(-0.1, step.Reward);
        Assert.False(((GridWorldObservation)step.Observation).DoorOpen);
    }

    [Fact]
    public void OpenDoor_WithTheKeyOnTheDoorCell_OpensItForTwoPoints_AndPaysAgainWhenRepeated()
    {
        var (world, _) = Started();
        Walk(world, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.MoveUp, GridWorld.PickupKey,
            GridWorld.MoveRight, GridWorld.MoveUp);
        StepResult open = world.Step(GridWorld.OpenDoor);
        Assert.Equal(2.0, open.Reward);
        Assert.True(((GridWorldObservation)open.Observation).DoorOpen);

        // The seed's quirk: re-opening an open door pays again.
        StepResult reopen = world.Step(GridWorld.OpenDoor);
        Assert.Equal(2.0, reopen.Reward);
    }

    [Fact]
    public void DoorDoesNotBlockMovement()
    {
        var (world, _) = Started();
        Walk(world, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.MoveUp, GridWorld.MoveUp);
        var observation = (GridWorldObservation)world.Step(GridWorld.MoveUp).Observation;
        Assert.Equal(new GridPoint(3, 4), observation.Position);
    }

    [Fact]
    public void ReachingTheGoal_WithTheDoorClosed_DoesNotEndTheEpisode()
    {
        var (world, _) = Started();
        Walk(world, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.MoveUp, GridWorld.MoveUp, GridWorld.MoveRight);
        StepResult step = world.Step(GridWorld.MoveUp);
        Assert.True(((GridWorldObservation)step.Observation).AtGoal);
        Assert.False(step.Terminated);
        Assert.Equal(-0.1, step.Reward);
    }

    [Fact]
    public void ReachingTheGoal_WithTheDoorOpen_TerminatesWithTenInsteadOfTheStepCost()
    {
        var (world, _) = Started();
        Walk(world, GridWorld.MoveRight, GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.MoveUp, GridWorld.PickupKey,
            GridWorld.MoveRight, GridWorld.MoveUp, GridWorld.OpenDoor, GridWorld.MoveRight);
        StepResult step = world.Step(GridWorld.MoveUp);
        Assert.True(step.Terminated);
        Assert.False(step.Truncated);
        Assert.Equal(10.0, step.Reward);
        Assert.Equal(10, world.StepCount);
    }

    [Fact]
    public void StepLimit_TruncatesWithoutTerminating()
    {
        var world = new GridWorld(maxSteps: 3);
        world.Reset();
        Assert.False(world.Step(GridWorld.MoveUp).Done);
        Assert.False(world.Step(GridWorld.MoveUp).Done);
        StepResult last = world.Step(GridWorld.MoveUp);
        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
    }

    [Fact]
    public void Step_AfterTheEpisodeEnded_Throws()
    {
        var world = new GridWorld(maxSteps: 1);
        world.Reset();
        world.Step(GridWorld.MoveUp);
        var error = Assert.Throws<InvalidOperationException>(() => world.Step(GridWorld.MoveUp));
        Assert.Contains("Reset", error.Message);
    }

    [Fact]
    public void Step_BeforeReset_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new GridWorld().Step(GridWorld.MoveUp));

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Step_WithAnInvalidAction_Throws(int action)
    {
        var (world, _) = Started();
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Step(action));
    }

    [Fact]
    public void Features_AreScaledPositionAndFacts()
    {
        var (world, _) = Started();
        var observation = world.Step(GridWorld.MoveRight).Observation;
        Assert.Equal([0.25f, 0f, 0f, 0f, 0f], observation.ToFeatureArray());
    }

    [Fact]
    public void Clone_IsNotChangedByLaterSteps()
    {
        var (world, observation) = Started();
        var snapshot = (GridWorldObservation)observation.Clone();
        world.Step(GridWorld.MoveUp);
        Assert.Equal(new GridPoint(0, 0), snapshot.Position);
        Assert.Equal(new GridPoint(0, 1), observation.Position);
    }

    [Fact]
    public void ActionNames_AreTheSeeds() =>
        Assert.Equal(["move_up", "move_down", "move_left", "move_right", "pickup_key", "open_door"], new GridWorld().Actions.Names);
}
