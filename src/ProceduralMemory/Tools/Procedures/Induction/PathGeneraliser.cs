using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// Turns the concrete path of a value in one result (<c>$.items[3].item_id</c>) into paths that find the same value in
/// another task's result: the element picked by position or by id becomes every element (<c>[*]</c>) narrowed by what
/// the task's text says: the elements whose name it mentions, the one it mentions most, or the ones with a flag set.
/// </summary>
public static partial class PathGeneraliser
{
    /// <summary>
    /// The paths that select what <paramref name="concrete"/> selects in <paramref name="root"/>: each element step
    /// widened with each filter, then the concrete path itself when it names no id (a position such as
    /// <c>payment_history[0]</c> carries over; an id does not).
    /// </summary>
    public static IReadOnlyList<string> Candidates(JsonNode root, string concrete)
    {
        ArgumentNullException.ThrowIfNull(concrete);
        var paths = new List<string>();
        MatchCollection segments = Segment().Matches(concrete[1..]);
        for (int s = 0; s < segments.Count; s++)
        {
            Match segment = segments[s];
            if (!segment.Value.StartsWith('['))
                continue;
            string prefix = "$" + string.Concat(segments.Take(s).Select(m => m.Value));
            string suffix = string.Concat(segments.Skip(s + 1).Select(m => m.Value));
            JsonNode? element = ResultPath.Evaluate(root, prefix + segment.Value, "") is [var only] ? only : null;
            foreach (string filter in Filters(element))
                paths.Add(prefix + "[*]" + filter + suffix);
        }
        if (!concrete.Contains("['", StringComparison.Ordinal))
            paths.Add(concrete);
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    // Narrowing an element list by the text: names mentioned, the best mention, a flag (alone or with the best).
    private static IEnumerable<string> Filters(JsonNode? element)
    {
        yield return "";
        yield return "[best]";
        if (element is not JsonObject obj)
            yield break;
        foreach (var (name, value) in obj)
        {
            if (value is not JsonValue leaf || !IsPlainName(name))
                continue;
            if (leaf.GetValueKind() == JsonValueKind.String)
                yield return $"[mentioned:{name}]";
            else if (leaf.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                string flag = $"[{name}={leaf.ToJsonString()}]";
                yield return flag;
                yield return flag + "[best]";
            }
        }
    }

    private static bool IsPlainName(string name) => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    [GeneratedRegex(@"\.[A-Za-z0-9_]+|\[[^\]]*\]")]
    private static partial Regex Segment();
}
