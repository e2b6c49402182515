using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Training;

public class TargetRuleTests
{
    private static LearningCurvePoint[] Curve(int layouts, params double[] returns) =>
        [.. returns.Select((r, i) => new LearningCurvePoint(i * 1000, i * 10, new EvaluationResult(layouts, r, r, 10)))];

    [Fact]
    public void OneEvaluationTouchingTheTarget_ThenAMiss_DoesNotCount()
    {
        Assert.Null(TargetRule.StepsToReach(Curve(100, 0.2, 0.95, 0.90, 0.94), 0.93));
    }

    [Fact]
    public void TwoConsecutiveEvaluations_Count_AtTheSecond()
    {
        Assert.Equal(4000, TargetRule.StepsToReach(Curve(100, 0.2, 0.95, 0.90, 0.93, 0.94, 0.80), 0.93));
    }

    [Fact]
    public void EvaluationsOnFewerThanAHundredLayouts_NeverCount()
    {
        Assert.Null(TargetRule.StepsToReach(Curve(99, 0.95, 0.96, 0.97), 0.93));
        Assert.Equal(1000, TargetRule.StepsToReach(Curve(100, 0.95, 0.96, 0.97), 0.93));
    }

    [Fact]
    public void AGivenMinimumOfLayouts_CountsSmallerEvaluations()
    {
        var evaluations = Curve(12, 0.95, 0.96, 0.97).Select(p => (p.TrainingSteps, p.Evaluation.Episodes, p.Evaluation.MeanReturn));
        Assert.Equal(1000, TargetRule.StepsToReach(evaluations, 0.93, minimumLayouts: 12));
        Assert.Null(TargetRule.StepsToReach(evaluations, 0.93, minimumLayouts: 13));
    }
}
