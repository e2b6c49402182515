using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// A path into a tool's JSON result that may select by the task's text. Segments, applied left to right to a list of
/// nodes starting with the root (<c>$</c>):
/// <list type="bullet">
/// <item><c>.name</c> or <c>['a name']</c>: a member of each object;</item>
/// <item><c>[3]</c>: an element of each array;</item>
/// <item><c>[*]</c>: every element of each array or member value of each object;</item>
/// <item><c>[field=json]</c>: only the nodes whose member equals a JSON value (<c>[available=true]</c>);</item>
/// <item><c>[mentioned:field]</c>: only the nodes whose member the text refers to (<see cref="TextMentions.FindReference"/>), in the order the text names them;</item>
/// <item><c>[best]</c>: the one node whose string values the text mentions most (ties: the one mentioned later).</item>
/// </list>
/// </summary>
public static class ResultPath
{
    /// <summary>The nodes <paramref name="path"/> selects in <paramref name="root"/>, reading mentions from <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The path is not well formed.</exception>
    public static IReadOnlyList<JsonNode> Evaluate(JsonNode? root, string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('$'))
            throw new FormatException($"A result path starts with '$': '{path}'.");
        var nodes = new List<JsonNode>();
        if (root is not null)
            nodes.Add(root);
        int i = 1;
        while (i < path.Length && nodes.Count > 0)
        {
            if (path[i] == '.')
            {
                int end = i + 1;
                while (end < path.Length && path[end] is not '.' and not '[')
                    end++;
                nodes = Members(nodes, path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[')
            {
                int end = path.IndexOf(']', i);
                if (end < 0)
                    throw new FormatException($"Unclosed '[' in result path '{path}'.");
                nodes = Apply(nodes, path[(i + 1)..end], text, path);
                i = end + 1;
            }
            else
            {
                throw new FormatException($"Unexpected '{path[i]}' at {i} in result path '{path}'.");
            }
        }
        return nodes;
    }

    /// <summary>Every path to a string, number or boolean leaf of <paramref name="root"/> whose value equals <paramref name="value"/>, shortest first.</summary>
    public static IReadOnlyList<string> Find(JsonNode? root, JsonNode value)
    {
        var paths = new List<string>();
        Walk(root, "$", value, paths);
        return paths.OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>The path segment naming member <paramref name="name"/>: <c>.name</c>, or <c>['name']</c> for a name that is not a plain identifier (an id used as a key).</summary>
    public static string Member(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_') ? "." + name : "['" + name + "']";

    private static void Walk(JsonNode? node, string path, JsonNode value, List<string> paths)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    Walk(child, path + Member(name), value, paths);
                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                    Walk(array[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", value, paths);
                break;
            case JsonValue leaf when JsonNode.DeepEquals(leaf, value):
                paths.Add(path);
                break;
        }
    }

    private static List<JsonNode> Members(List<JsonNode> nodes, string name)
    {
        var result = new List<JsonNode>();
        foreach (JsonNode node in nodes)
            if (node is JsonObject obj && obj[name] is { } child)
                result.Add(child);
        return result;
    }

    private static List<JsonNode> Apply(List<JsonNode> nodes, string selector, string text, string path)
    {
        if (selector.Length > 2 && selector[0] == '\'' && selector[^1] == '\'')
            return Members(nodes, selector[1..^1]);
        if (int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            return nodes.OfType<JsonArray>().Where(a => index < a.Count && a[index] is not null).Select(a => a[index]!).ToList();
        if (selector == "*")
            return nodes.SelectMany(Elements).ToList();
        if (selector == "best")
            return Best(nodes, text) is { } best ? [best] : [];
        if (selector.StartsWith("mentioned:", StringComparison.Ordinal))
            return Mentioned(nodes, selector["mentioned:".Length..], text);
        int equals = selector.IndexOf('=');
        if (equals > 0)
        {
            JsonNode? wanted = JsonNode.Parse(selector[(equals + 1)..]);
            string field = selector[..equals];
            return nodes.Where(n => n is JsonObject obj && JsonNode.DeepEquals(obj[field], wanted)).ToList();
        }
        throw new FormatException($"Unknown selector '[{selector}]' in result path '{path}'.");
    }

    private static IEnumerable<JsonNode> Elements(JsonNode node) => node switch
    {
        JsonArray array => array.OfType<JsonNode>(),
        JsonObject obj => obj.Select(p => p.Value).OfType<JsonNode>(),
        _ => [],
    };

    // Nodes whose field the text names, in the order it names them; of several with the same name, the one whose
    // other values the text also mentions most (two T-shirts told apart by colour).
    private static List<JsonNode> Mentioned(List<JsonNode> nodes, string field, string text)
    {
        var byName = new Dictionary<string, (int Position, JsonNode Node, (int, int) Score)>();
        foreach (JsonNode node in nodes)
        {
            if (node is not JsonObject obj || obj[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
                continue;
            string name = value.GetValue<string>();
            int position = TextMentions.FindReference(text, name);
            if (position < 0)
                continue;
            var score = MentionScore(node, text);
            if (!byName.TryGetValue(name, out var held) || score.CompareTo(held.Score) > 0)
                byName[name] = (position, node, score);
        }
        return byName.Values.OrderBy(v => v.Position).Select(v => v.Node).ToList();
    }

    private static JsonNode? Best(List<JsonNode> nodes, string text)
    {
        JsonNode? best = null;
        (int, int) bestScore = (0, -1);
        foreach (JsonNode node in nodes)
        {
            var score = MentionScore(node, text);
            if (best is null || score.CompareTo(bestScore) > 0)
                (best, bestScore) = (node, score);
        }
        return best;
    }

    // How many of a node's distinct string values the text mentions, then how late (the wanted values of a change
    // come after the current ones: "exchange the black one to a red one").
    private static (int Count, int Lateness) MentionScore(JsonNode node, string text)
    {
        var values = JsonStrings.Of(node).ToHashSet(StringComparer.OrdinalIgnoreCase);
        int count = 0, lateness = 0;
        foreach (string value in values)
        {
            int last = -1;
            for (int at = TextMentions.Find(text, value); at >= 0; at = TextMentions.Find(text, value, at + 1))
                last = at;
            if (last < 0)
                continue;
            count++;
            lateness += last;
        }
        return (count, lateness);
    }
}
