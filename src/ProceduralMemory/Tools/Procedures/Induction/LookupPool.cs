using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// The read-only calls an instruction leads to, so that where a demonstration's values came from can be found in their
/// results. First every read-only tool is tried with the text's identifier-like words (an order id; a tool of several
/// parameters stops at the first combination found, earliest words first: a name and a zip code); then, for a few
/// rounds, with the values earlier results hold under its parameters' names (an order's <c>product_id</c>s) or, for a
/// parameter no result names, a result that is a bare value (the user id a search returned).
/// </summary>
public static partial class LookupPool
{
    private const int Rounds = 3;
    private const int MaxCallsPerTool = 64;
    private const int MaxTextAttempts = 400;

    /// <summary>The read-only calls and results reachable from <paramref name="instruction"/> on <paramref name="environment"/>'s current state.</summary>
    public static IReadOnlyList<PoolEntry> Build(IToolEnvironment environment, string instruction)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(instruction);
        // Seeded by the text alone: these are the look-ups an agent can make from a new instruction too.
        var known = new KnownValues();
        var entries = new List<PoolEntry>();
        var made = new HashSet<string>(StringComparer.Ordinal);
        var readOnly = environment.Tools.Where(t => !t.ChangesState).ToList();
        IReadOnlyList<string> words = IdentifierWords(instruction);
        for (int round = 0; round < Rounds; round++)
        {
            int before = entries.Count;
            foreach (ToolDefinition tool in readOnly)
            {
                IReadOnlyList<string> parameters = Required(tool);
                if (parameters.Count == 0)
                    continue; // listings: nothing in them depends on the task
                var byName = parameters.Select(p => known.Named(p)).ToList();
                if (round == 0)
                    // A single identifier is looked up for each word that could be it; several together stop at the
                    // first combination that is found (a first name, a last name and a zip code).
                    CallAll(environment, tool, parameters, parameters.Select(_ => words.Select(w => (JsonNode)JsonValue.Create(w)).ToList()).ToList(),
                        round, MaxTextAttempts, stopAtFirst: parameters.Count > 1, entries, made, known);
                else
                    CallAll(environment, tool, parameters, byName.Select(v => v.Count > 0 ? v : known.Unnamed).ToList(),
                        round, MaxCallsPerTool, stopAtFirst: false, entries, made, known);
            }
            if (entries.Count == before)
                break;
        }
        return entries;
    }

    /// <summary>The words of <paramref name="text"/> that look like names or identifiers (capitalised, or holding a digit, <c>@</c>, <c>_</c> or <c>#</c>), in order, once each.</summary>
    public static IReadOnlyList<string> IdentifierWords(string text) =>
        WordPattern().Matches(text).Select(m => m.Value)
            .Where(w => char.IsUpper(w[0]) || w[0] == '#' || w.Any(char.IsAsciiDigit) || w.Contains('@') || w.Contains('_'))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The required parameters of <paramref name="tool"/> in schema order.</summary>
    public static IReadOnlyList<string> Required(ToolDefinition tool) =>
        tool.Parameters.ValueKind == JsonValueKind.Object && tool.Parameters.TryGetProperty("required", out JsonElement required)
            && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList()
            : [];

    // Argument combinations in order of how early their values came, so that the first names and numbers of a text
    // are tried together before later ones.
    private static void CallAll(IToolEnvironment environment, ToolDefinition tool, IReadOnlyList<string> parameters,
        IReadOnlyList<IReadOnlyList<JsonNode>> candidates, int round, int limit, bool stopAtFirst, List<PoolEntry> entries,
        HashSet<string> made, KnownValues known)
    {
        int attempts = 0;
        foreach (int[] ranks in RankedCombinations.Of(candidates.Select(c => c.Count).ToArray(), distinct: stopAtFirst))
        {
            if (attempts >= limit)
                return;
            var arguments = new JsonObject();
            for (int p = 0; p < parameters.Count; p++)
                arguments[parameters[p]] = candidates[p][ranks[p]].DeepClone();
            var call = new ToolCall(tool.Name, JsonSerializer.SerializeToElement(arguments));
            if (!made.Add(call.ToString()))
                continue;
            attempts++;
            ToolResult result = environment.Invoke(call);
            if (result.IsError || ToolResults.Parse(result) is not { } parsed)
                continue;
            entries.Add(new PoolEntry(call, parsed, round));
            known.AddResult(parsed);
            if (stopAtFirst)
                return;
        }
    }

    [GeneratedRegex(@"#?[A-Za-z0-9][\w.@+-]*[A-Za-z0-9]|#?[A-Za-z0-9]")]
    private static partial Regex WordPattern();
}
