using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

/// <summary>The general MiniGrid facts: objects of any type and colour, lava, several doors, the mission's object.</summary>
public sealed class MiniGridFactsTests
{
    [Theory]
    [InlineData("pick up the red ball", ObjectType.Ball, ObjectColor.Red)]
    [InlineData("open the blue door", ObjectType.Door, ObjectColor.Blue)]
    [InlineData("get to the green goal square", ObjectType.Goal, ObjectColor.Green)]
    [InlineData("open the red door then the blue door", ObjectType.Door, ObjectColor.Red)]
    [InlineData("put the purple key near the grey box", ObjectType.Key, ObjectColor.Purple)]
    public void MissionTarget_IsTheFirstColouredObjectNamed(string mission, ObjectType type, ObjectColor color) =>
        Assert.Equal(new MissionTarget(type, color), MissionTarget.Of(mission));

    [Fact]
    public void MissionTarget_AnyColourAfterA_NoneWithoutColourOrArticle()
    {
        Assert.Equal(new MissionTarget(ObjectType.Key, null), MissionTarget.Of("go fetch a key"));
        Assert.False(MissionTarget.Of(DoorKeyEnvironment.DoorKeyMission).Exists);
        Assert.False(MissionTarget.Of("traverse the rooms to get to the goal").Exists);
    }

    [Fact]
    public void Schema_KeepsDoorKeysEightFactsFirst_AndFitsInOneWord()
    {
        Assert.Equal(["has_key", "door_open", "at_goal", "key_visible", "door_visible", "goal_visible", "facing_key", "facing_door"],
            MiniGridObservation.FactNames.Names.Take(8));
        Assert.InRange(MiniGridObservation.FactNames.Count, 9, FactSchema.MaximumFacts);
        Assert.Equal("carrying_red", MiniGridObservation.FactNames.Names[MiniGridObservation.CarryingColorFacts]);
        Assert.Equal("door_grey_open", MiniGridObservation.FactNames.Names[MiniGridObservation.DoorColorOpenFacts + (int)ObjectColor.Grey]);
    }

    [Fact]
    public void FacingTheMissionsBall_ThenCarryingIt()
    {
        var grid = new CellGrid(6, 6);
        grid.WallRectangle(0, 0, 6, 6);
        grid.Set(3, 2, new Ball(ObjectColor.Red));
        grid.Set(2, 3, new Ball(ObjectColor.Blue));
        grid.Set(4, 1, new Lava());
        var env = new DoorKeyEnvironment(6);
        env.Reset(new MiniGridLayout(grid, new CellPosition(2, 2), Direction.Right, "pick up the red ball"));
        Facts facts = env.Observation.Facts;

        Assert.True(facts.Get(MiniGridObservation.FacingBallFact));
        Assert.True(facts.Get(MiniGridObservation.FacingMissionObjectFact));
        Assert.True(facts.Get(MiniGridObservation.NextToMissionObjectFact));
        Assert.True(facts.Get(MiniGridObservation.MissionObjectVisibleFact));
        Assert.True(facts.Get(MiniGridObservation.LavaVisibleFact));
        Assert.False(facts.Get(MiniGridObservation.LavaAheadFact));
        Assert.False(facts.Get(MiniGridObservation.CarryingBallFact));

        env.Step(MiniGridEnvironment.PickUp);
        facts = env.Observation.Facts;
        Assert.True(facts.Get(MiniGridObservation.CarryingBallFact));
        Assert.True(facts.Get(MiniGridObservation.CarryingMissionObjectFact));
        Assert.True(facts.Get(MiniGridObservation.CarryingColorFacts + (int)ObjectColor.Red));
        Assert.False(facts.Get(MiniGridObservation.HasKeyFact));
        Assert.False(facts.Get(MiniGridObservation.FacingMissionObjectFact));

        env.Step(MiniGridEnvironment.Right); // the blue ball: a ball ahead, but not the mission's
        facts = env.Observation.Facts;
        Assert.True(facts.Get(MiniGridObservation.FacingBallFact));
        Assert.False(facts.Get(MiniGridObservation.FacingMissionObjectFact));
        Assert.False(facts.Get(MiniGridObservation.CarryingFrontColorFact));
    }

    [Fact]
    public void LavaAhead_AndAKeyBeforeTheDoorOfItsColour()
    {
        MiniGridLayout layout = AsciiLayout.Parse(
            "#####",
            "#.r.#",
            "#..>#",
            "#...#",
            "#####");
        layout.Grid.Set(3, 1, new Lava());
        var env = new DoorKeyEnvironment(5);
        env.Reset(layout);
        env.Step(MiniGridEnvironment.Left); // facing up: lava
        Assert.True(env.Observation.Facts.Get(MiniGridObservation.LavaAheadFact));

        var grid = new CellGrid(5, 5);
        grid.WallRectangle(0, 0, 5, 5);
        grid.Set(2, 1, new Key(ObjectColor.Red));
        grid.Set(3, 2, new Door(ObjectColor.Red, DoorState.Locked));
        env.Reset(new MiniGridLayout(grid, new CellPosition(2, 2), Direction.Up, ""));
        env.Step(MiniGridEnvironment.PickUp);
        env.Step(MiniGridEnvironment.Right);
        Facts facts = env.Observation.Facts;
        Assert.True(facts.Get(MiniGridObservation.FacingLockedDoorFact));
        Assert.True(facts.Get(MiniGridObservation.CarryingFrontColorFact));
        Assert.True(facts.Get(MiniGridObservation.HasKeyFact));
    }

    [Fact]
    public void Perception_RemembersEachDoorsColourAndTheMissionsDoor()
    {
        var grid = new CellGrid(7, 7);
        grid.WallRectangle(0, 0, 7, 7);
        grid.Set(3, 1, new Door(ObjectColor.Red, DoorState.Closed));
        grid.Set(3, 3, new Door(ObjectColor.Blue, DoorState.Open));
        var env = new DoorKeyEnvironment(7);
        var perception = new MiniGridPerception();
        perception.Reset(env.Reset(new MiniGridLayout(grid, new CellPosition(2, 1), Direction.Right, "open the red door")).Observation);
        Assert.False(perception.Facts.Get(MiniGridObservation.DoorColorOpenFacts + (int)ObjectColor.Red));
        Assert.True(perception.Facts.Get(MiniGridObservation.DoorColorOpenFacts + (int)ObjectColor.Blue));
        Assert.False(perception.Facts.Get(MiniGridObservation.MissionDoorOpenFact));

        perception.Observe(MiniGridEnvironment.Toggle, env.Step(MiniGridEnvironment.Toggle).Observation);
        Assert.True(perception.Facts.Get(MiniGridObservation.MissionDoorOpenFact));
        Assert.True(perception.Facts.Get(MiniGridObservation.DoorColorOpenFacts + (int)ObjectColor.Red));
        // Turned away, the doors are out of view; the perception keeps them as last seen.
        perception.Observe(MiniGridEnvironment.Left, env.Step(MiniGridEnvironment.Left).Observation);
        perception.Observe(MiniGridEnvironment.Left, env.Step(MiniGridEnvironment.Left).Observation);
        Assert.True(perception.Facts.Get(MiniGridObservation.MissionDoorOpenFact));
        Assert.True(perception.Facts.Get(MiniGridObservation.DoorOpenFact));
    }
}
