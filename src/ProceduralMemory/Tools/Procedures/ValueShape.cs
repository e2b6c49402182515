using System.Text;
using System.Text.RegularExpressions;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// The shape of a value seen in a task's text, as a regular expression a new text is searched with: runs of
/// digits, of lower-case and of capitalised letters become classes, everything else stays literal, so
/// <c>#W6067464</c> gives <c>#W\d{7}</c>, <c>credit_card_4190576</c> gives <c>[a-z]+_[a-z]+_\d{7}</c> and
/// <c>Omar</c> gives <c>[A-Z][a-z]+</c>.
/// </summary>
public static class ValueShape
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The shape of <paramref name="value"/>.</summary>
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var shape = new StringBuilder();
        int i = 0;
        while (i < value.Length)
        {
            char c = value[i];
            int j = i + 1;
            if (char.IsAsciiDigit(c))
            {
                while (j < value.Length && char.IsAsciiDigit(value[j]))
                    j++;
                // Identifiers keep their length (an order id is 7 digits); quantities do not.
                shape.Append(j - i >= 4 ? $@"\d{{{j - i}}}" : @"\d+");
            }
            else if (char.IsAsciiLetterUpper(c) && j < value.Length && char.IsAsciiLetterLower(value[j]))
            {
                while (j < value.Length && char.IsAsciiLetterLower(value[j]))
                    j++;
                shape.Append("[A-Z][a-z]+");
            }
            else if (char.IsAsciiLetterLower(c))
            {
                while (j < value.Length && char.IsAsciiLetterLower(value[j]))
                    j++;
                shape.Append("[a-z]+");
            }
            else
            {
                shape.Append(Regex.Escape(c.ToString()));
            }
            i = j;
        }
        return shape.ToString();
    }

    /// <summary>Every span of <paramref name="text"/> that has shape <paramref name="shape"/> on word boundaries, with its position.</summary>
    public static IReadOnlyList<(int Position, string Value)> Find(string text, string shape)
    {
        var found = new List<(int, string)>();
        var regex = new Regex($@"(?<![A-Za-z0-9]){shape}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, Timeout);
        foreach (Match match in regex.Matches(text))
            found.Add((match.Index, match.Value));
        return found;
    }
}
