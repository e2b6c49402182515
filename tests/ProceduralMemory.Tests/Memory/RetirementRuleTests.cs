using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class RetirementRuleTests
{
    private static Skill Used(int uses, int successes)
    {
        var skill = new Skill("s", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1, 0]);
        skill.Statistics.Restore(uses, successes, 1);
        return skill;
    }

    [Theory]
    [InlineData(49, 0, false)]  // too few uses to judge, however bad
    [InlineData(50, 9, true)]   // 18% < 20%
    [InlineData(50, 10, false)] // exactly 20% is not below it
    [InlineData(500, 99, true)]
    public void Judge_RetiresOnlyAfterEnoughUses_BelowTheRate(int uses, int successes, bool retired)
    {
        SkillRetirement? judged = new RetirementRule().Judge(Used(uses, successes), episode: 12);

        Assert.Equal(retired, judged is not null);
    }

    [Fact]
    public void Judge_SaysWhyAndWhen_InOneLine()
    {
        SkillRetirement judged = new RetirementRule().Judge(Used(50, 3), episode: 12)!;

        Assert.Equal(new SkillRetirement(12, "succeeded 3 of 50 uses (6.0%), below 20% after 50 uses"), judged);
    }

    [Fact]
    public void Judge_CountsOnlyTheUsesOfTheCurrentTrial_SinceTheLastDemonstrationOrRestore()
    {
        Skill skill = Used(80, 4);
        skill.TrialStart = (60, 2); // 20 uses, 2 successes since: too few to judge again
        Assert.Null(new RetirementRule().Judge(skill, 1));

        skill.Statistics.Restore(110, 5, 1); // 50 since, 3 successes
        Assert.Equal("succeeded 3 of 50 uses since its last demonstration or restore (6.0%), below 20% after 50 uses", new RetirementRule().Judge(skill, 2)!.Reason);
    }

    [Fact]
    public void Judge_ARetiredSkill_ReturnsNothing()
    {
        var library = new SkillLibrary(2);
        Skill skill = library.Add(Used(50, 0)).Skill;
        library.Retire(skill, new SkillRetirement(3, "failing"));

        Assert.Null(new RetirementRule().Judge(skill, 4));
    }
}
