using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Contexts;

namespace ProceduralMemory.Tests.Memory.Contexts;

public class DecayRuleTests
{
    [Fact]
    public void TheWeight_NeverRisesAsFailuresGrow_AndHalvesEveryHalfLife()
    {
        var rule = new DecayRule();
        for (int successes = 0; successes <= 5; successes++)
        {
            double previous = 1;
            for (int failures = 0; failures <= 200; failures++)
            {
                double weight = rule.WeightOf(successes + failures, successes);
                Assert.InRange(weight, double.Epsilon, previous);
                previous = weight;
            }
        }
        Assert.Equal(0.25, rule.WeightOf(20, 0), 12);
        Assert.Equal(Math.Pow(0.5, 3.0), rule.WeightOf(31, 1), 12);
    }

    [Theory]
    [InlineData(4, 0)]   // too few uses to tell
    [InlineData(10, 2)]  // 20% is not below 20%
    [InlineData(100, 90)]
    public void ASkillNotRarelySuccessful_KeepsItsFullWeight(int uses, int successes) =>
        Assert.Equal(1.0, new DecayRule().WeightOf(uses, successes));

    [Fact]
    public void ASkillsWeight_CountsOnlyItsCurrentTrial()
    {
        var skill = new Skill("s", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1, 0]);
        skill.Statistics.Restore(40, 0, 1);
        Assert.Equal(Math.Pow(0.5, 4.0), new DecayRule().WeightOf(skill), 12);

        skill.TrialStart = (38, 0); // demonstrated again two uses ago
        Assert.Equal(1.0, new DecayRule().WeightOf(skill));
    }
}
