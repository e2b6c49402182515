using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>
/// Runs a procedure on an <see cref="IToolEnvironment"/> for one task: binds each step's arguments from the task's
/// text (slots: the clause the procedure serves first, then the whole text), from earlier results (paths, read against
/// the clause and then the text) and constants; calls the tools; and when a value has several candidates, tries them
/// in order, going back to an earlier look-up's next candidate when a later step cannot be bound or its call fails (a
/// wrong order gives no item the text names; a state change refused leaves the state as it was). A look-up that finds
/// nothing is passed over, so that a value can come from its alternative. A slot the text does not fill falls back on
/// the values of its shape that earlier results hold (the user's orders when the text names none).
/// </summary>
public sealed class ProcedureRunner
{
    private const int MaxCandidates = 6;
    private const int MaxBindings = 24;
    private const int MaxLookupErrors = 12;
    private readonly IToolEnvironment environment;
    private readonly Dictionary<string, ToolDefinition> tools;
    private readonly Dictionary<string, ToolResult> reads = new(StringComparer.Ordinal);

    /// <summary>
    /// A runner on <paramref name="environment"/> that makes at most <paramref name="maxCalls"/> calls per run. Use one
    /// runner per task: it remembers what its look-ups read until a state change.
    /// </summary>
    public ProcedureRunner(IToolEnvironment environment, int maxCalls = 60)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCalls);
        this.environment = environment;
        tools = environment.Tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        MaxCalls = maxCalls;
    }

    /// <summary>The most calls one run makes.</summary>
    public int MaxCalls { get; }

    /// <summary>Runs <paramref name="procedure"/> for the part <paramref name="clause"/> of task text <paramref name="text"/>.</summary>
    /// <param name="procedure">The procedure.</param>
    /// <param name="clause">The clause it serves.</param>
    /// <param name="text">The whole task text.</param>
    /// <param name="alreadyDone">True for a state change made before in this task: it is not made twice.</param>
    /// <param name="usualValues">
    /// True to let an enumerated slot the text leaves empty take its <see cref="ProcedureSlot.Usual"/> value; false when
    /// the procedure is only a fallback for the clause, where a guessed value would make a change nobody asked for.
    /// </param>
    public ProcedureRun Run(Procedure procedure, string clause, string text, Func<ToolCall, bool>? alreadyDone = null, bool usualValues = true)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var run = new RunState(procedure, clause, text, alreadyDone ?? (_ => false), usualValues);
        bool completed = Step(run, 0);
        return new ProcedureRun(run.Calls, completed, completed ? null : run.Failure ?? "no binding of the last step worked");
    }

    private bool Step(RunState run, int index)
    {
        if (index == run.Procedure.Steps.Count)
            return true;
        ProcedureStep step = run.Procedure.Steps[index];
        if (step.ForEach is not null)
        {
            run.Results[index] = ForEach(run, index, step);
            return Step(run, index + 1);
        }
        bool anyResult = false, anyBinding = false;
        int errors = 0;
        foreach (JsonObject arguments in Bindings(run, step, element: null))
        {
            anyBinding = true;
            // A look-up that keeps failing is given up on (its alternatives take over); a state change is tried with
            // every binding.
            if (!step.ChangesState && errors >= MaxLookupErrors)
                break;
            if (run.CallCount >= MaxCalls)
            {
                run.Fail(index, $"gave up after {MaxCalls} calls");
                return false;
            }
            var call = new ToolCall(step.Tool, JsonSerializer.SerializeToElement(arguments));
            if (step.ChangesState && run.AlreadyDone(call))
                return true;
            if (step.ChangesState && !Grounded(run, arguments))
            {
                run.Fail(index, $"step {index + 1} {step.Tool}: nothing it would change is named in the clause");
                continue;
            }
            ToolResult result = Call(run, call);
            if (result.IsError)
            {
                run.Fail(index, $"step {index + 1} {step.Tool}: {result.Output}");
                errors++;
                continue;
            }
            anyResult = true;
            run.Results[index] = [ToolResults.Parse(result)!];
            if (Step(run, index + 1))
                return true;
        }
        if (step.ChangesState || anyResult)
        {
            // A binding that was tried failed for a reason of its own (the tool's error, a clause that names nothing
            // it touches), which says more than that no binding worked.
            if (!anyBinding || !step.ChangesState)
                run.Fail(index, $"step {index + 1} {step.Tool}: no value for {string.Join(", ", Unbound(run, step))}");
            return false;
        }
        run.Results[index] = [];
        return Step(run, index + 1);
    }

    private List<JsonNode> ForEach(RunState run, int index, ProcedureStep step)
    {
        var results = new List<JsonNode>();
        foreach (JsonNode element in Values(run, step.ForEach!, element: null, array: false))
        {
            foreach (JsonObject arguments in Bindings(run, step, element))
            {
                if (run.CallCount >= MaxCalls)
                    return results;
                ToolResult result = Call(run, new ToolCall(step.Tool, JsonSerializer.SerializeToElement(arguments)));
                if (result.IsError)
                    continue;
                results.Add(ToolResults.Parse(result)!);
                break;
            }
        }
        return results;
    }

    // A state change is made for a clause only when the clause names something it touches: one of its arguments, or
    // a name the look-ups gave that argument (the item whose id it passes); a clause about something else ("you are a
    // private person") must not change anything through values the rest of the text gave.
    private static bool Grounded(RunState run, JsonObject arguments)
    {
        var values = JsonStrings.Of(arguments).ToHashSet(StringComparer.Ordinal);
        var named = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        foreach (JsonNode result in run.Results.Values.SelectMany(r => r))
            Siblings(result, values, named);
        return named.Where(v => v.Length >= 3).Any(v => TextMentions.FindReference(run.Clause, v) >= 0);
    }

    // The string members of every object that holds one of the values as a member.
    private static void Siblings(JsonNode? node, HashSet<string> values, HashSet<string> named)
    {
        switch (node)
        {
            case JsonObject obj:
                var members = obj.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                    .Select(p => p.Value!.GetValue<string>()).ToList();
                if (members.Any(values.Contains))
                    named.UnionWith(members);
                foreach (var (_, child) in obj)
                    Siblings(child, values, named);
                break;
            case JsonArray array:
                foreach (JsonNode? child in array)
                    Siblings(child, values, named);
                break;
        }
    }

    // Look-ups are read-only: the same call made again (after going back, or by a later procedure of the same task)
    // is answered from what it gave, until a state change makes what was read stale.
    private ToolResult Call(RunState run, ToolCall call)
    {
        string key = call.ToString();
        bool changesState = tools.GetValueOrDefault(call.Name)?.ChangesState != false;
        if (!changesState && reads.TryGetValue(key, out ToolResult? known))
            return known;
        ToolResult result = environment.Invoke(call);
        run.Calls.Add(new ToolStep(call, result));
        if (!changesState)
            reads[key] = result;
        else if (!result.IsError)
            reads.Clear();
        return result;
    }

    // Every combination of the arguments' candidates, the best ones first.
    private IEnumerable<JsonObject> Bindings(RunState run, ProcedureStep step, JsonNode? element)
    {
        ToolDefinition? tool = tools.GetValueOrDefault(step.Tool);
        var candidates = step.Arguments.Select(a => (a.Parameter,
            Values: Values(run, a.Source, element, SlotFiller.IsArray(SlotFiller.ParameterSchema(tool, a.Parameter)), tool, a.Parameter).Take(MaxCandidates).ToList())).ToList();
        if (candidates.Any(c => c.Values.Count == 0))
            yield break;
        // Two slots of one step name two different things: one span of the text does not fill both (a first and a
        // last name).
        var slotted = step.Arguments.Select(a => a.Source is SlotValue).ToArray();
        foreach (int[] ranks in RankedCombinations.Of(candidates.Select(c => c.Values.Count).ToArray())
                     .Where(r => !SameSpanTwice(r, candidates.Select(c => c.Values).ToList(), slotted)).Take(MaxBindings))
        {
            var arguments = new JsonObject();
            for (int a = 0; a < candidates.Count; a++)
                arguments[candidates[a].Parameter] = candidates[a].Values[ranks[a]].DeepClone();
            yield return arguments;
        }
    }

    private IEnumerable<string> Unbound(RunState run, ProcedureStep step)
    {
        ToolDefinition? tool = tools.GetValueOrDefault(step.Tool);
        var unbound = step.Arguments.Where(a => Values(run, a.Source, null, SlotFiller.IsArray(SlotFiller.ParameterSchema(tool, a.Parameter)), tool, a.Parameter).Count == 0)
            .Select(a => a.Parameter).ToList();
        return unbound.Count > 0 ? unbound : ["any binding that works"];
    }

    private static bool SameSpanTwice(int[] ranks, List<List<JsonNode>> values, bool[] slotted)
    {
        for (int a = 0; a < ranks.Length; a++)
            for (int b = a + 1; b < ranks.Length; b++)
                if (slotted[a] && slotted[b] && JsonNode.DeepEquals(values[a][ranks[a]], values[b][ranks[b]]))
                    return true;
        return false;
    }

    private List<JsonNode> Values(RunState run, ValueSource source, JsonNode? element, bool array, ToolDefinition? tool = null, string? parameter = null)
    {
        var values = new List<JsonNode>();
        switch (source)
        {
            case ConstantValue constant:
                values.Add(JsonNode.Parse(constant.Value.GetRawText()) ?? JsonValue.Create((string?)null)!);
                break;
            case SlotValue slot when run.Procedure.Slots.FirstOrDefault(s => s.Name == slot.Slot) is { } declared:
                var found = SlotFiller.Candidates(declared, run.Clause, run.Text, SlotFiller.ParameterSchema(tool, parameter ?? slot.Slot)).ToList();
                if (found.Count == 0)
                    found = declared.Usual is { } usual && run.UsualValues ? [usual] : ShapedResults(run, declared);
                values.AddRange(found.Select(v => array ? new JsonArray(SlotFiller.ToJson(v)) : SlotFiller.ToJson(v)));
                break;
            case ResultValue result when run.Results.TryGetValue(result.Step, out var results):
                var selected = Select(results, result.Path, run.Clause);
                if (selected.Count == 0)
                    selected = Select(results, result.Path, run.Text);
                if (array && selected.Count > 0)
                    values.Add(new JsonArray(selected.Select(s => s.DeepClone()).ToArray()));
                else if (!array)
                    values.AddRange(selected);
                break;
            case ElementValue each when element is not null:
                values.AddRange(ResultPath.Evaluate(element, each.Path, run.Clause));
                break;
            case AnyOfValue any:
                foreach (ValueSource option in any.Options)
                    foreach (JsonNode value in Values(run, option, element, array, tool, parameter))
                        if (!values.Any(v => JsonNode.DeepEquals(v, value)))
                            values.Add(value);
                break;
        }
        return values;
    }

    private static List<JsonNode> Select(List<JsonNode> results, string path, string text) =>
        results.SelectMany(r => ResultPath.Evaluate(r, path, text)).ToList();

    // The string values of earlier results that have one of the slot's shapes, in the order they were read.
    private static List<string> ShapedResults(RunState run, ProcedureSlot slot)
    {
        var found = new List<string>();
        if (slot.Shapes.Count == 0)
            return found;
        var shapes = slot.Shapes.Select(s => new Regex("^(?:" + s + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))).ToList();
        foreach (JsonNode result in run.Results.OrderBy(r => r.Key).SelectMany(r => r.Value))
            foreach (string value in JsonStrings.Of(result))
                if (shapes.Any(s => s.IsMatch(value)) && !found.Contains(value, StringComparer.Ordinal))
                    found.Add(value);
        return found;
    }


    /// <summary>One run's progress.</summary>
    private sealed class RunState(Procedure procedure, string clause, string text, Func<ToolCall, bool> alreadyDone, bool usualValues)
    {
        public bool UsualValues { get; } = usualValues;
        public Procedure Procedure { get; } = procedure;
        public string Clause { get; } = clause;
        public string Text { get; } = text;
        public Func<ToolCall, bool> AlreadyDone { get; } = alreadyDone;
        public Dictionary<int, List<JsonNode>> Results { get; } = [];
        public List<ToolStep> Calls { get; } = [];
        private int failedAt = -1;

        /// <summary>Why the run stopped: the failure of the furthest step reached, which says most.</summary>
        public string? Failure { get; private set; }

        public void Fail(int step, string reason)
        {
            if (step >= failedAt)
                (failedAt, Failure) = (step, reason);
        }
        public int CallCount => Calls.Count;
    }
}
