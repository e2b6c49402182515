namespace ProceduralMemory.Environments.MiniGrid;

/// <summary>
/// The goal a MiniGrid mission states, as a condition over <see cref="MiniGridObservation.FactNames"/>'s sub-goal
/// facts, read from its words alone:
/// <list type="bullet">
/// <item>a mission that ends at the goal (<c>use the key to open the door and then get to the goal</c>, <c>get to the
/// green goal square</c>, <c>reach the goal</c>, LockedRoom's <c>... and go to the goal</c>): <c>at_goal</c>;</item>
/// <item><c>open the door</c> (Unlock, which names no colour): <c>door_open</c>; <c>open the {colour} door</c>:
/// <c>mission_door_open</c>;</item>
/// <item>picking up or fetching a named object (<c>pick up the red box</c>, <c>go fetch a blue key</c>, <c>get a
/// green ball</c>): <c>carrying_mission_object</c>.</item>
/// </list>
/// Any other mission (going next to an object, putting one near another, opening two doors in turn) states nothing
/// the sub-goal facts express: no goal.
/// </summary>
public static class MissionGoal
{
    private static readonly string[] Fetching = ["pick up ", "get a ", "go get a ", "fetch a ", "go fetch a ", "you must fetch a "];

    /// <summary>The goal <paramref name="mission"/> states, or null.</summary>
    public static FactCondition? Of(string mission)
    {
        ArgumentNullException.ThrowIfNull(mission);
        string[] words = mission.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Contains("then") && !mission.EndsWith("goal", StringComparison.Ordinal))
            return null; // two steps in turn, the first of which no sub-goal fact marks
        if (words[^1] == "goal" || words.Length >= 2 && words[^2] == "goal" && words[^1] == "square")
            return Fact(MiniGridObservation.AtGoalFact);
        MissionTarget target = MissionTarget.Of(mission);
        if (mission.StartsWith("open the ", StringComparison.Ordinal))
        {
            if (mission == "open the door")
                return Fact(MiniGridObservation.DoorOpenFact);
            return target.Type == ObjectType.Door ? Fact(MiniGridObservation.MissionDoorOpenFact) : null;
        }
        if (Fetching.Any(f => mission.StartsWith(f, StringComparison.Ordinal)) && target.Exists && target.Type is not (ObjectType.Door or ObjectType.Goal))
            return Fact(MiniGridObservation.CarryingMissionObjectFact);
        return null;
    }

    private static FactCondition Fact(int bit) => new(1UL << bit, 1UL << bit);
}
