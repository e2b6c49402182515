using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class MissionGoalTests
{
    [Theory]
    [InlineData("use the key to open the door and then get to the goal", "at_goal")]
    [InlineData("get to the green goal square", "at_goal")]
    [InlineData("reach the goal", "at_goal")]
    [InlineData("get the red key from the blue room, unlock the red door and go to the goal", "at_goal")]
    [InlineData("open the door", "door_open")]
    [InlineData("open the purple door", "mission_door_open")]
    [InlineData("pick up the yellow box", "carrying_mission_object")]
    [InlineData("pick up the blue ball", "carrying_mission_object")]
    [InlineData("go fetch a green key", "carrying_mission_object")]
    [InlineData("get a red ball", "carrying_mission_object")]
    public void AMission_StatesTheSubgoalFactItsSuccessShowsIn(string mission, string fact)
    {
        FactSchema schema = MiniGridObservation.FactNames;
        Assert.Equal(new FactCondition(schema.MaskOf(fact), schema.MaskOf(fact)), MissionGoal.Of(mission));
    }

    [Theory]
    [InlineData("go to the red door")]
    [InlineData("open the red door then the blue door")]
    [InlineData("put the red ball near the blue box")]
    [InlineData("")]
    public void AMissionNoSubgoalFactExpresses_StatesNoGoal(string mission) => Assert.Null(MissionGoal.Of(mission));

    [Theory]
    [InlineData("unlock")]
    [InlineData("unlockpickup")]
    [InlineData("doorkey-5x5")]
    [InlineData("blockedunlockpickup")]
    [InlineData("keycorridor-s3r1")]
    [InlineData("obstructedmaze-1dl")]
    public void TheObservation_StatesItsMissionsGoal(string env)
    {
        Observation first = EnvironmentRegistry.Create(env).Reset(0).Observation;
        Assert.NotNull(Assert.IsAssignableFrom<IGoalObservation>(first).Goal);
    }
}
