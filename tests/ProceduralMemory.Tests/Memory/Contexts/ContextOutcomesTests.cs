using ProceduralMemory.Memory.Contexts;

namespace ProceduralMemory.Tests.Memory.Contexts;

public class ContextOutcomesTests
{
    [Fact]
    public void UsesAndSuccesses_AreCountedPerSkillAndContext()
    {
        var outcomes = new ContextOutcomes();
        outcomes.RecordUse(3, 1, success: true);
        outcomes.RecordUse(3, 1, success: false);
        outcomes.RecordUse(3, 0, success: true);
        outcomes.RecordUse(4, 1, success: false);

        Assert.Equal((2, 1), outcomes.Of(3, 1));
        Assert.Equal((1, 1), outcomes.Of(3, 0));
        Assert.Equal((1, 0), outcomes.Of(4, 1));
        Assert.Equal((0, 0), outcomes.Of(4, 0));
        Assert.Equal([0, 1], outcomes.ForSkill(3).Keys);
        Assert.Empty(outcomes.ForSkill(9));
    }
}
