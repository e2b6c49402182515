using ProceduralMemory.Learning;

namespace ProceduralMemory.Tests.Learning;

public class DemonstrationSummaryTests
{
    private static AgentStep Step(float a, float b, int action) => new(0, 0, [a, b], action, 0, 0);

    [Fact]
    public void Summary_IsStart_Mean_Last_ActionFrequencies_AndLastActionOneHot()
    {
        float[] summary = DemonstrationSummary.Of([Step(1, 2, 0), Step(3, 4, 2), Step(5, 0, 2), Step(7, 2, 1)], featureCount: 2, actionCount: 3);

        Assert.Equal(DemonstrationSummary.Length(2, 3), summary.Length);
        Assert.Equal([1f, 2f, 4f, 2f, 7f, 2f, 0.25f, 0.25f, 0.5f, 0f, 1f, 0f], summary);
    }

    [Fact]
    public void Summary_RefusesAnEmptyDemonstration_WrongFeatureLengths_AndActionsOutOfRange()
    {
        Assert.Throws<ArgumentException>(() => DemonstrationSummary.Of([], 2, 3));
        Assert.Throws<ArgumentException>(() => DemonstrationSummary.Of([new AgentStep(0, 0, [1f], 0, 0, 0)], 2, 3));
        Assert.Throws<ArgumentException>(() => DemonstrationSummary.Of([Step(1, 2, 3)], 2, 3));
    }
}
