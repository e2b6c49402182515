using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public sealed class RankedCombinationsTests
{
    [Fact]
    public void Of_GivesEveryCombinationByRisingSumOfRanks()
    {
        var combinations = RankedCombinations.Of([2, 3]).Select(r => string.Join(",", r)).ToList();

        Assert.Equal(["0,0", "0,1", "1,0", "0,2", "1,1", "1,2"], combinations);
    }

    [Fact]
    public void Of_Distinct_SkipsCombinationsThatChooseOneIndexTwice()
    {
        var combinations = RankedCombinations.Of([2, 2], distinct: true).Select(r => string.Join(",", r)).ToList();

        Assert.Equal(["0,1", "1,0"], combinations);
    }

    [Fact]
    public void Of_AnEmptyList_GivesNothing() => Assert.Empty(RankedCombinations.Of([3, 0, 2]));

    [Fact]
    public void Of_NoLists_GivesTheOneEmptyCombination() => Assert.Equal([[]], RankedCombinations.Of([]));
}
