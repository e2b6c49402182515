using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class SkillStatisticsTests
{
    [Fact]
    public void SuccessRate_NeverExceedsOne_HoweverManyDemonstrationsAreMerged()
    {
        var stats = new SkillStatistics();
        for (int i = 0; i < 14; i++)
        {
            stats.RecordUse(success: true);
            stats.RecordDemonstration();
        }
        Assert.Equal(14, stats.Successes);
        Assert.Equal(15, stats.Demonstrations);
        Assert.Equal(1.0, stats.SuccessRate);
    }

    [Fact]
    public void SuccessRate_OfAnUnusedSkill_IsZero() => Assert.Equal(0.0, new SkillStatistics().SuccessRate);

    [Fact]
    public void RecordUse_CountsFailuresAsUsesOnly()
    {
        var stats = new SkillStatistics();
        stats.RecordUse(success: false);
        stats.RecordUse(success: true);
        Assert.Equal(2, stats.Uses);
        Assert.Equal(1, stats.Successes);
        Assert.Equal(0.5, stats.SuccessRate);
    }
}
