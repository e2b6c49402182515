using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// Cuts one demonstration into sub-goals (one per state-changing call) and explains every argument of each: a span
/// of the instruction (a slot), a path into the result of a look-up the instruction leads to (found by making the
/// look-ups, <see cref="LookupPool"/>), a path into each result of a look-up repeated per element (for-each), or a
/// constant. Every path kept is checked: evaluated on this demonstration's results and text it gives back the value.
/// </summary>
internal sealed class DemonstrationExplainer
{
    private const int MaxChoices = 8;
    private const int MaxResultOptions = 4;
    private readonly IToolEnvironment environment;
    private readonly Dictionary<string, ToolDefinition> tools;

    public DemonstrationExplainer(IToolEnvironment environment)
    {
        this.environment = environment;
        tools = environment.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The sub-goals of <paramref name="demonstration"/>, in the order of its state-changing calls.</summary>
    public IReadOnlyList<SubgoalDraft> Explain(ToolDemonstration demonstration)
    {
        environment.Reset(new ToolTask(demonstration.Source, demonstration.Instruction, [], []));
        string text = demonstration.Instruction;
        List<PoolEntry> pool = [.. LookupPool.Build(environment, text)];
        var drafts = new List<SubgoalDraft>();
        foreach (ToolCall call in demonstration.Calls)
        {
            if (!tools.TryGetValue(call.Name, out ToolDefinition? tool))
                continue;
            if (!tool.ChangesState)
            {
                // A look-up the demonstration made itself is evidence too.
                if (!pool.Any(e => e.Call.SameAs(call)) && environment.Invoke(call) is { IsError: false } result && ToolResults.Parse(result) is { } parsed)
                    pool.Add(new PoolEntry(call, parsed, 0));
                continue;
            }
            drafts.Add(ExplainCall(demonstration, text, call, tool, pool));
        }
        return drafts;
    }

    private SubgoalDraft ExplainCall(ToolDemonstration demonstration, string text, ToolCall call, ToolDefinition tool, List<PoolEntry> pool)
    {
        string clause = ClauseOf(text, call);
        var draft = new SubgoalDraft(demonstration, clause, call, tool.Description);
        var particulars = pool.SelectMany(e => JsonStrings.Of(e.Result)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        draft.Particulars.AddRange(particulars.Where(p => p.Length > 1 && TextMentions.Mentions(clause, p)).Order(StringComparer.Ordinal));
        var keys = new Dictionary<PoolEntry, string>();
        var step = new StepDraft(call.Name, call.Name, changesState: true);
        var pending = new Queue<(PoolEntry Entry, StepDraft Step)>();
        foreach (JsonProperty argument in call.Arguments.EnumerateObject())
        {
            JsonNode? value = JsonNode.Parse(argument.Value.GetRawText());
            JsonElement? schema = SlotFiller.ParameterSchema(tool, argument.Name);
            step.Arguments[argument.Name] = value is JsonArray array
                ? ExplainArray(draft, argument.Name, array, pool, pool.Count, keys, pending)
                : ExplainValue(draft, argument.Name, value, schema, pool, pool.Count, keys, pending);
            // Where a value the text gave could also be read (the user's record lists the order), reached from
            // other results rather than from the text.
            if (step.Arguments[argument.Name][0] is { Kind: SourceDraft.SlotKind, Slot: { } slot })
                foreach (PoolEntry witness in pool.Where(e => e.Round > 0 && Holds(e.Result, value)))
                {
                    string key = KeyOf(witness, keys, pending, draft);
                    if (!draft.Witnesses.TryGetValue(key, out var slots))
                        draft.Witnesses[key] = slots = new(StringComparer.Ordinal);
                    slots.Add(slot);
                }
        }
        // Explain the look-ups used, each from the text and the look-ups made before it.
        while (pending.TryDequeue(out var next))
        {
            ToolDefinition? lookupTool = tools.GetValueOrDefault(next.Entry.Call.Name);
            int before = pool.IndexOf(next.Entry);
            foreach (JsonProperty argument in next.Entry.Call.Arguments.EnumerateObject())
            {
                if (next.Step.Arguments.ContainsKey(argument.Name))
                    continue;
                next.Step.Arguments[argument.Name] = ExplainValue(draft, argument.Name, JsonNode.Parse(argument.Value.GetRawText()),
                    SlotFiller.ParameterSchema(lookupTool, argument.Name), pool, before, keys, pending);
            }
        }
        draft.Steps[step.Key] = step;
        return draft;
    }

    // The clause that names most of the call's values, then most of its tool's words (tools are named for what they
    // do: "modify" in modify_pending_order_items); the first of equals.
    private static string ClauseOf(string text, ToolCall call)
    {
        var values = JsonStrings.Of(JsonNode.Parse(call.Arguments.GetRawText())).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string[] words = call.Name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return TextMentions.Clauses(text).Select(c => c.Text)
            .OrderByDescending(c => values.Count(v => TextMentions.Mentions(c, v)))
            .ThenByDescending(c => words.Count(w => TextMentions.Mentions(c, w)))
            .FirstOrDefault() ?? text;
    }

    private List<SourceDraft> ExplainValue(SubgoalDraft draft, string parameter, JsonNode? value, JsonElement? schema,
        List<PoolEntry> pool, int before, Dictionary<PoolEntry, string> keys, Queue<(PoolEntry, StepDraft)> pending)
    {
        var options = new List<SourceDraft>();
        if (value is JsonValue leaf && leaf.GetValueKind() == JsonValueKind.String && TextMentions.Mentions(draft.Demonstration.Instruction, leaf.GetValue<string>()))
            options.Add(SourceDraft.OfSlot(SlotFor(draft, parameter, leaf.GetValue<string>(), schema)));
        if (value is not null)
        {
            var exact = new List<SourceDraft>();
            var choices = new List<SourceDraft>();
            for (int e = 0; e < before; e++)
            {
                PoolEntry entry = pool[e];
                foreach (string concrete in ResultPath.Find(entry.Result, value))
                {
                    foreach (string path in PathGeneraliser.Candidates(entry.Result, concrete))
                    {
                        IReadOnlyList<JsonNode> found = ResultPath.Evaluate(entry.Result, path, draft.Clause);
                        if (found.Count == 1 && JsonNode.DeepEquals(found[0], value))
                            exact.Add(SourceDraft.OfResult(KeyOf(entry, keys, pending, draft), path));
                        else if (found.Count is > 1 and <= MaxChoices && found.Any(f => JsonNode.DeepEquals(f, value)))
                            choices.Add(SourceDraft.OfResult(KeyOf(entry, keys, pending, draft), path));
                    }
                }
            }
            options.AddRange(exact.DistinctBy(o => o.Key).Take(MaxResultOptions));
            options.AddRange(choices.DistinctBy(o => o.Key).Take(1));
        }
        if (options.Count == 0)
            options.Add(SourceDraft.OfConstant(JsonSerializer.SerializeToElement(value)));
        return options;
    }

    private List<SourceDraft> ExplainArray(SubgoalDraft draft, string parameter, JsonArray array, List<PoolEntry> pool, int before,
        Dictionary<PoolEntry, string> keys, Queue<(PoolEntry, StepDraft)> pending)
    {
        var options = new List<SourceDraft>();
        if (array.Count > 0)
        {
            // One from each result of a look-up repeated over a list another result gives: first, since it carries
            // over to any number of elements.
            options.AddRange(ForEach(draft, array, pool, before, keys, pending));
            // All from one result.
            foreach (PoolEntry entry in pool.Take(before))
                foreach (string path in ListPaths(entry.Result, array, draft.Clause))
                    options.Add(SourceDraft.OfResult(KeyOf(entry, keys, pending, draft), path));
        }
        if (options.Count == 0)
            options.Add(SourceDraft.OfConstant(JsonSerializer.SerializeToElement(array)));
        return options.DistinctBy(o => o.Key).Take(MaxResultOptions).ToList();
    }

    // Paths into one result that give exactly the list's values (in any order).
    private static IEnumerable<string> ListPaths(JsonNode root, JsonArray array, string clause)
    {
        if (array[0] is not { } first)
            yield break;
        foreach (string concrete in ResultPath.Find(root, first))
            foreach (string path in PathGeneraliser.Candidates(root, concrete))
                if (SameValues(ResultPath.Evaluate(root, path, clause), array))
                    yield return path;
    }

    private List<SourceDraft> ForEach(SubgoalDraft draft, JsonArray array, List<PoolEntry> pool, int before,
        Dictionary<PoolEntry, string> keys, Queue<(PoolEntry, StepDraft)> pending)
    {
        var owners = new List<PoolEntry>();
        foreach (JsonNode? element in array)
        {
            PoolEntry? owner = pool.Take(before).FirstOrDefault(e => !owners.Contains(e) && element is not null && ResultPath.Find(e.Result, element).Count > 0
                && (owners.Count == 0 || e.Call.Name == owners[0].Call.Name));
            if (owner is null)
                return [];
            owners.Add(owner);
        }
        if (owners[0].Call.Arguments.EnumerateObject().ToList() is not [var varying])
            return [];
        var over = new JsonArray(owners.Select(o => JsonNode.Parse(o.Call.Arguments.GetProperty(varying.Name).GetRawText())).ToArray());
        int firstOwner = owners.Min(pool.IndexOf);
        var sources = new List<(PoolEntry Entry, string Path)>();
        for (int e = 0; e < firstOwner; e++)
            foreach (string path in ListPaths(pool[e].Result, over, draft.Clause))
                if (SameOrder(ResultPath.Evaluate(pool[e].Result, path, draft.Clause), over))
                    sources.Add((pool[e], path));
        var elementPaths = ResultPath.Find(owners[0].Result, array[0]!)
            .SelectMany(c => PathGeneraliser.Candidates(owners[0].Result, c))
            .Where(p => owners.Select((o, i) => ResultPath.Evaluate(o.Result, p, draft.Clause) is [var only] && JsonNode.DeepEquals(only, array[i])).All(ok => ok))
            .ToList();
        if (sources.Count == 0 || elementPaths.Count == 0)
            return [];
        string tool = owners[0].Call.Name;
        string key = "each " + tool;
        if (!draft.Steps.TryGetValue(key, out StepDraft? step))
        {
            draft.Steps[key] = step = new StepDraft(key, tool, changesState: false);
            step.Arguments[varying.Name] = [SourceDraft.OfElement("$")];
        }
        foreach (var (entry, path) in sources)
            step.ForEach.Add(SourceDraft.OfResult(KeyOf(entry, keys, pending, draft), path));
        return elementPaths.Select(p => SourceDraft.OfResult(key, p)).ToList();
    }

    // The key a look-up goes by in this sub-goal; the first mention of it queues its own explanation.
    private static string KeyOf(PoolEntry entry, Dictionary<PoolEntry, string> keys, Queue<(PoolEntry, StepDraft)> pending, SubgoalDraft draft)
    {
        if (keys.TryGetValue(entry, out string? key))
            return key;
        int same = keys.Keys.Count(k => k.Call.Name == entry.Call.Name);
        key = same == 0 ? entry.Call.Name : $"{entry.Call.Name} {same + 1}";
        keys[entry] = key;
        var step = new StepDraft(key, entry.Call.Name, changesState: false);
        draft.Steps[key] = step;
        pending.Enqueue((entry, step));
        return key;
    }

    private static string SlotFor(SubgoalDraft draft, string parameter, string value, JsonElement? schema)
    {
        foreach (var (name, slot) in draft.Slots)
            if (slot.Value == value)
                return name;
        string chosen = parameter;
        for (int n = 2; draft.Slots.ContainsKey(chosen); n++)
            chosen = $"{parameter}_{n}";
        bool enumerated = schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("enum", out _);
        draft.Slots[chosen] = (value, enumerated ? "enum" : "text");
        return chosen;
    }

    private static bool Holds(JsonNode root, JsonNode? value) => value switch
    {
        JsonArray array => array.Any(v => v is not null && ResultPath.Find(root, v).Count > 0),
        JsonValue leaf => ResultPath.Find(root, leaf).Count > 0,
        _ => false,
    };

    private static bool SameValues(IReadOnlyList<JsonNode> found, JsonArray wanted) =>
        found.Count == wanted.Count && found.Select(f => f.ToJsonString()).Order(StringComparer.Ordinal)
            .SequenceEqual(wanted.Select(w => w?.ToJsonString() ?? "null").Order(StringComparer.Ordinal));

    private static bool SameOrder(IReadOnlyList<JsonNode> found, JsonArray wanted) =>
        found.Count == wanted.Count && found.Select((f, i) => JsonNode.DeepEquals(f, wanted[i])).All(ok => ok);
}
