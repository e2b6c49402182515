namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// Combinations of choices from ranked lists, best first: in order of the sum of the ranks chosen, so that a second
/// choice for one value is tried before a third for another, and no list's tail is exhausted before the others move.
/// </summary>
internal static class RankedCombinations
{
    /// <summary>Every combination of one index per list of the given lengths, by rising sum of indices.</summary>
    /// <param name="counts">How many choices each list has.</param>
    /// <param name="distinct">True to skip combinations that choose the same index twice (one word for two values).</param>
    public static IEnumerable<int[]> Of(IReadOnlyList<int> counts, bool distinct = false)
    {
        if (counts.Any(c => c == 0))
            yield break;
        if (counts.Count == 0)
        {
            yield return [];
            yield break;
        }
        int maxSum = counts.Sum(c => c - 1);
        for (int sum = 0; sum <= maxSum; sum++)
            foreach (int[] ranks in WithSum(counts, 0, sum))
                if (!distinct || ranks.Distinct().Count() == ranks.Length)
                    yield return ranks;
    }

    private static IEnumerable<int[]> WithSum(IReadOnlyList<int> counts, int from, int sum)
    {
        if (from == counts.Count - 1)
        {
            if (sum < counts[from])
                yield return [sum];
            yield break;
        }
        for (int r = 0; r <= Math.Min(sum, counts[from] - 1); r++)
            foreach (int[] rest in WithSum(counts, from + 1, sum - r))
                yield return [r, .. rest];
    }
}
