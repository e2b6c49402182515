using ProceduralMemory.Agents.Planning;
using ProceduralMemory.Agents.Selection;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Agents.Selection;

public class PlanningSkillSelectorTests
{
    private static readonly FactSchema Schema = MiniGridObservation.FactNames;
    private static readonly ulong Subgoals = Schema.MaskOf([.. Schema.Subgoals]);

    /// <summary>A ranking that never picks anything, so that the plan decides.</summary>
    private sealed class NoRanking : ISkillSelector
    {
        public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore) => null;
    }

    private static Skill Add(SkillLibrary library, ulong pre, string effect)
    {
        ulong bits = Schema.MaskOf([effect]);
        var skill = new Skill(effect, new FactCondition(Subgoals, pre), new FactCondition(bits, bits), new OpenLoopPolicy([0]), new SkillTermination(null, 10), [1f]);
        skill.Statistics.Restore(10, 10, 1);
        return library.Add(skill).Skill;
    }

    [Fact]
    public void APlan_IsMadeOnlyOfSkillsThatServeInTheState()
    {
        var library = new SkillLibrary(1);
        Skill key = Add(library, 0, "has_key");
        Add(library, Schema.MaskOf(["has_key"]), "door_open");
        var planner = new SkillPlanner(Schema, Subgoals);
        var goal = new FactCondition(Schema.MaskOf(["door_open"]), Schema.MaskOf(["door_open"]));

        Assert.Same(key, new PlanningSkillSelector(planner, new NoRanking()).Choose(library, new Facts(0), [1f], explore: false, goal));
        Assert.Same(key, new PlanningSkillSelector(planner, new NoRanking(), (_, _) => true).Choose(library, new Facts(0), [1f], explore: false, goal));
        Assert.Null(new PlanningSkillSelector(planner, new NoRanking(), (s, _) => s != key).Choose(library, new Facts(0), [1f], explore: false, goal));
    }
}
