namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// Where a value is mentioned in a task's text: case-insensitive, on word boundaries, so that <c>Water Bottle</c> is
/// found in "return the water bottle" but <c>Lamp</c> is not found in "lamps". The text is also cut into clauses,
/// one intent each, at sentence ends.
/// </summary>
public static class TextMentions
{
    /// <summary>The position of the first mention of <paramref name="value"/> in <paramref name="text"/>, or -1.</summary>
    public static int Find(string text, string value) => Find(text, value, 0);

    /// <summary>The position of the first mention of <paramref name="value"/> at or after <paramref name="start"/>, or -1.</summary>
    public static int Find(string text, string value, int start)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(value))
            return -1;
        for (int at = text.IndexOf(value, start, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = text.IndexOf(value, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (IsBoundary(text, at - 1, value[0]) && IsBoundary(text, at + value.Length, value[^1]))
                return at;
        }
        return -1;
    }

    /// <summary>True when <paramref name="value"/> is mentioned in <paramref name="text"/>.</summary>
    public static bool Mentions(string text, string value) => Find(text, value) >= 0;

    /// <summary>
    /// The text cut into clauses at sentence ends (a full stop, question or exclamation mark followed by a space, or a
    /// line break), each with where it starts. Punctuation inside a value (an e-mail address, a price) does not cut.
    /// </summary>
    public static IReadOnlyList<(int Start, string Text)> Clauses(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var clauses = new List<(int, string)>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bool end = text[i] is '\n' || (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end)
                continue;
            Add(clauses, text, start, i + 1);
            start = i + 1;
        }
        Add(clauses, text, start, text.Length);
        return clauses;
    }

    /// <summary>The lower-case words just before <paramref name="position"/> (at most <paramref name="count"/>), nearest last.</summary>
    public static IReadOnlyList<string> WordsBefore(string text, int position, int count)
    {
        var words = new List<string>();
        int end = position;
        while (words.Count < count && end > 0)
        {
            int i = end - 1;
            while (i >= 0 && !char.IsLetterOrDigit(text[i]))
                i--;
            if (i < 0)
                break;
            int stop = i + 1;
            while (i >= 0 && char.IsLetterOrDigit(text[i]))
                i--;
            words.Insert(0, text[(i + 1)..stop].ToLowerInvariant());
            end = i + 1;
        }
        return words;
    }

    private static void Add(List<(int, string)> clauses, string text, int start, int end)
    {
        string clause = text[start..end].Trim();
        if (clause.Length > 0)
            clauses.Add((start + text[start..end].IndexOf(clause[0]), clause));
    }

    // A value that starts or ends with a letter or digit must not run on into a longer word.
    private static bool IsBoundary(string text, int at, char valueEdge) =>
        at < 0 || at >= text.Length || !char.IsLetterOrDigit(valueEdge) || !char.IsLetterOrDigit(text[at]);
}
