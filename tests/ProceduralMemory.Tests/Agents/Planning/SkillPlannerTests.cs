using ProceduralMemory.Agents.Planning;
using ProceduralMemory.Agents.Selection;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Agents.Planning;

public class SkillPlannerTests
{
    private static readonly FactSchema Schema = MiniGridObservation.FactNames;
    private static readonly ulong Subgoals = Schema.MaskOf([.. Schema.Subgoals]);

    private static ulong Bits(params string[] facts) => facts.Length == 0 ? 0 : Schema.MaskOf(facts);

    private static Skill Skill(SkillLibrary library, string[] pre, string[] effect, ISkillPolicy? policy = null, int uses = 10, int successes = 10)
    {
        var skill = new Skill(Schema.NameOf(new FactCondition(Bits(effect), Bits(effect))), new FactCondition(Subgoals, Bits(pre)),
            new FactCondition(Bits(effect), Bits(effect)), policy ?? new OpenLoopPolicy([0]), new SkillTermination(null, 10), [1f]);
        skill.Statistics.Restore(uses, successes, 1);
        if (policy is SkillChainPolicy)
        {
            skill.Id = library.Count;
            library.Restore(skill);
            return skill;
        }
        return library.Add(skill).Skill;
    }

    private static SkillLibrary DoorKey(out Skill key, out Skill door, out Skill goal)
    {
        var library = new SkillLibrary(1);
        key = Skill(library, [], ["has_key"]);
        door = Skill(library, ["has_key"], ["door_open"]);
        goal = Skill(library, ["has_key", "door_open"], ["at_goal"]);
        return library;
    }

    private static FactCondition Goal(string fact) => new(Bits(fact), Bits(fact));

    [Fact]
    public void Plan_ChainsSkillsFromTheFactsToTheGoal()
    {
        SkillLibrary library = DoorKey(out Skill key, out Skill door, out Skill goal);
        var planner = new SkillPlanner(Schema, Subgoals);

        Assert.Equal([key, door, goal], planner.Plan(library.Skills, new Facts(0), Goal("at_goal")));
        Assert.Equal([door], planner.Plan(library.Skills, new Facts(Bits("has_key")), Goal("door_open")));
    }

    [Fact]
    public void Plan_IsNone_WhenNoSkillReachesTheGoal_OrTheGoalHolds()
    {
        SkillLibrary library = DoorKey(out _, out _, out _);
        var planner = new SkillPlanner(Schema, Subgoals);

        Assert.Null(planner.Plan(library.Skills, new Facts(0), Goal("carrying_mission_object")));
        Assert.Null(planner.Plan(library.Skills, new Facts(Bits("at_goal")), Goal("at_goal")));
    }

    [Fact]
    public void Plan_DropsWhatASkillLearnedWithEmptyHandsNeedsDropped_AndServesTheGoalWithASkillThatAlsoDidMore()
    {
        SkillLibrary library = DoorKey(out Skill key, out Skill door, out _);
        Skill box = Skill(library, ["door_open"], ["carrying_box", "carrying_mission_object"]);
        var planner = new SkillPlanner(Schema, Subgoals);

        IReadOnlyList<Skill> plan = planner.Plan(library.Skills, new Facts(0), Goal("carrying_mission_object"))!;

        Assert.Equal(["pickup(key)", "open(door)", "drop(key)", "pickup(box)+pickup(mission_object)"], plan.Select(s => s.Name));
        Assert.True(planner.IsUndoing(plan[2]));
        Assert.Equal([key, door], plan.Take(2));
        Assert.Same(box, plan[3]);
    }

    [Fact]
    public void Plan_TakesASureChainAsOneStep_AndSkipsOneThatUsuallyFails()
    {
        SkillLibrary library = DoorKey(out Skill key, out _, out _);
        Skill chain = Skill(library, [], ["at_goal"], new SkillChainPolicy(["pickup(key)", "open(door)", "reach(goal)"]));
        var planner = new SkillPlanner(Schema, Subgoals);

        Assert.Equal([chain], planner.Plan(library.Skills, new Facts(0), Goal("at_goal")));

        chain.Statistics.Restore(10, 0, 1);
        Assert.Same(key, planner.Plan(library.Skills, new Facts(0), Goal("at_goal"))![0]);
    }

    /// <summary>A ranking that never picks anything, so that the plan decides.</summary>
    private sealed class NoRanking : ISkillSelector
    {
        public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore) => null;
    }

    [Fact]
    public void ThePlanningSelector_PlansOnlyWithSkillsThatServeInTheState()
    {
        SkillLibrary library = DoorKey(out Skill key, out _, out _);
        var planner = new SkillPlanner(Schema, Subgoals);

        Assert.Same(key, new PlanningSkillSelector(planner, new NoRanking()).Choose(library, new Facts(0), [1f], explore: false, Goal("door_open")));
        Assert.Same(key, new PlanningSkillSelector(planner, new NoRanking(), (_, _) => true).Choose(library, new Facts(0), [1f], explore: false, Goal("door_open")));
        Assert.Null(new PlanningSkillSelector(planner, new NoRanking(), (s, _) => s != key).Choose(library, new Facts(0), [1f], explore: false, Goal("door_open")));
    }
}
