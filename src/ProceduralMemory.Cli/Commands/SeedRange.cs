using System.CommandLine;
using System.Globalization;

namespace ProceduralMemory.Cli.Commands;

/// <summary>The <c>--eval-seeds A-B</c> option: an inclusive range of layout seeds.</summary>
internal static class SeedRange
{
    /// <summary>The most seeds a range may hold: each is a whole evaluation episode.</summary>
    public const int MaxSeeds = 1_000_000;

    private static readonly string MaxSeedsText = MaxSeeds.ToString("N0", CultureInfo.InvariantCulture);

    public static Option<int[]> Option(string name, string defaultRange) => new(name)
    {
        Description = $"Held-out layout seeds, as A-B (inclusive) or A; at most {MaxSeedsText} seeds. [default: {defaultRange}]",
        // Help shows a default list joined by '|' (0|1|2|...|19); the description states it as typed instead. Help
        // asks for the default with a result that belongs to no parse (no parent), so it gets an empty list, which it omits.
        DefaultValueFactory = result => result.Parent is null ? [] : Parse(defaultRange)!,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultRange;
            int[]? seeds = Parse(text);
            if (seeds is null)
                result.AddError($"{name} must be a range A-B of whole numbers with 0 <= A <= B <= {int.MaxValue}, at most {MaxSeedsText} seeds (got '{text}').");
            return seeds ?? [];
        },
    };

    /// <summary>The seeds of "A-B" or "A", or null when the text is not such a range.</summary>
    public static int[]? Parse(string text)
    {
        string[] parts = text.Split('-');
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int last)
            || last < first || (long)last - first >= MaxSeeds)
            return null;
        return Enumerable.Range(first, last - first + 1).ToArray();
    }

    /// <summary>Seeds as a user types them: "A-B" for a run of consecutive seeds, else comma-separated.</summary>
    public static string Format(IReadOnlyList<int> seeds) =>
        seeds.Count > 1 && seeds.Select((s, i) => (long)s - i).Distinct().Count() == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{seeds[0]}-{seeds[^1]}")
            : string.Join(",", seeds.Select(s => s.ToString(CultureInfo.InvariantCulture)));
}
