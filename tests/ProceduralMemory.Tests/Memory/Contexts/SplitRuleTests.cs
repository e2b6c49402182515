using ProceduralMemory.Memory.Contexts;

namespace ProceduralMemory.Tests.Memory.Contexts;

public class SplitRuleTests
{
    private static readonly HashSet<int> None = [];

    private static Dictionary<int, (int Uses, int Successes)> Counts(params (int Context, int Uses, int Successes)[] counts) =>
        counts.ToDictionary(c => c.Context, c => (c.Uses, c.Successes));

    [Fact]
    public void FailingInOneContext_AndSucceedingInTheOthers_SplitsThatContext()
    {
        var judged = new SplitRule().Judge(Counts((0, 20, 18), (1, 10, 1), (2, 5, 4)), None);

        Assert.Equal((1, "succeeded 1 of 10 uses in context 1 (10.0%), 22 of 25 elsewhere (88.0%)"), judged);
    }

    [Theory]
    [InlineData(9, 0, 20, 20)]   // too few uses where it fails
    [InlineData(10, 2, 20, 20)]  // 20% is not below 20%
    [InlineData(10, 0, 9, 9)]    // too few uses elsewhere
    [InlineData(10, 0, 20, 11)]  // 55% elsewhere: not succeeding there either
    [InlineData(10, 0, 20, 0)]   // failing everywhere: retirement's case, not a split
    public void WithoutEvidenceOfBothAFailureAndSuccessElsewhere_NothingIsSplit(int failingUses, int failingSuccesses, int otherUses, int otherSuccesses)
    {
        Assert.Null(new SplitRule().Judge(Counts((0, otherUses, otherSuccesses), (1, failingUses, failingSuccesses)), None));
    }

    [Fact]
    public void AContextAlreadySplitOff_CountsOnNeitherSide()
    {
        var counts = Counts((0, 20, 18), (1, 10, 1), (2, 10, 0));
        Assert.Equal(1, new SplitRule().Judge(counts, None)!.Value.Context); // the lowest failing context first
        Assert.Equal(2, new SplitRule().Judge(counts, new HashSet<int> { 1 })!.Value.Context);
        Assert.Null(new SplitRule().Judge(counts, new HashSet<int> { 0 })); // without context 0 nothing succeeds
    }
}
