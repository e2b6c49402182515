using ProceduralMemory.Cli.Team;

namespace ProceduralMemory.Cli.Tests.Team;

public class TeamMemberResultTests
{
    private static TeamMemberResult Member(params double[] returns) => MemberOn(100, returns);

    private static TeamMemberResult MemberOn(int layouts, params double[] returns) =>
        new(0, 1, 0, null, [.. returns.Select((r, i) => new TeamCurvePoint(i * 1000, i * 10, layouts, r, r))], null, []);

    [Fact]
    public void StepsToReach_IsTheSecondOfTheFirstTwoEvaluationsInARowAtOrAboveTheTarget()
    {
        Assert.Equal(5000, Member(0, 0.5, 0.93, 0.80, 0.95, 0.94).StepsToReach(0.93));
    }

    [Fact]
    public void StepsToReach_IgnoresEvaluationsOnFewerThanAHundredLayouts()
    {
        Assert.Null(MemberOn(50, 0, 0.95, 0.96).StepsToReach(0.93));
    }

    [Fact]
    public void StepsToReach_IsNullWhenNoEvaluationGetsThere()
    {
        Assert.Null(Member(0, 0.5, 0.92, 0.95).StepsToReach(0.93));
    }

    [Fact]
    public void NearestRank_MedianIsTheLowerMiddleValue()
    {
        Assert.Equal(2, NearestRank.Median([1, 2, 3, 4]));
        Assert.Equal(3, NearestRank.Median([1, 2, 3, 4, 5]));
        Assert.Equal(double.PositiveInfinity, NearestRank.Median([1, double.PositiveInfinity, double.PositiveInfinity]));
    }
}
