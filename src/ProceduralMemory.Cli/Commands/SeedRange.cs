using System.CommandLine;
using System.Globalization;

namespace ProceduralMemory.Cli.Commands;

/// <summary>The <c>--eval-seeds A-B</c> option: an inclusive range of layout seeds.</summary>
internal static class SeedRange
{
    public static Option<int[]> Option(string name, string defaultRange) => new(name)
    {
        Description = $"Held-out layout seeds, as A-B (inclusive). Default {defaultRange}.",
        DefaultValueFactory = _ => Parse(defaultRange)!,
        CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultRange;
            int[]? seeds = Parse(text);
            if (seeds is null)
                result.AddError($"{name} must be a range A-B of whole numbers with 0 <= A <= B (got '{text}').");
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
            || last < first || last - first >= 1_000_000)
            return null;
        return Enumerable.Range(first, last - first + 1).ToArray();
    }
}
