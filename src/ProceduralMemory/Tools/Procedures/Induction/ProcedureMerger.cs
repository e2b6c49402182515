using System.Text.RegularExpressions;
using System.Text.Json;

namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// Merges the sub-goals of one signature (the same state-changing tool with the same parameters) into one procedure:
/// each step keeps the explanations of its arguments that enough demonstrations share, best supported first; a value
/// explained differently across demonstrations keeps its alternatives; slots gather the shapes and cue words their
/// values had; steps are ordered so that each comes after the steps it reads, following one chain of look-ups to its
/// end before starting the next (find the user, read the user, then read the order).
/// </summary>
internal static class ProcedureMerger
{
    // An explanation is kept when it is at least this share of the best-supported one's support.
    private const double KeepShare = 0.25;
    private const int MaxCues = 8;

    public static Procedure Merge(IReadOnlyList<SubgoalDraft> drafts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(drafts.Count);
        SubgoalDraft first = drafts[0];
        var steps = new Dictionary<string, MergedStep>(StringComparer.Ordinal);
        foreach (SubgoalDraft draft in drafts)
            foreach (StepDraft step in draft.Steps.Values)
            {
                if (!steps.TryGetValue(step.Key, out MergedStep? merged))
                    steps[step.Key] = merged = new MergedStep(step.Key, step.Tool, step.ChangesState, steps.Count);
                merged.Add(step, draft.Witnesses.GetValueOrDefault(step.Key));
            }
        string finalKey = first.Call.Name;
        foreach (MergedStep step in steps.Values)
            step.Choose();
        List<MergedStep> order = Order(steps, finalKey, drafts.Count);
        var index = order.Select((s, i) => (s.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var built = order.Select(s => s.Build(index)).ToList();
        var slotNames = built.SelectMany(s => s.Arguments.Select(a => a.Source)).SelectMany(SlotsOf).ToHashSet(StringComparer.Ordinal);
        var slots = slotNames.Order(StringComparer.Ordinal).Select(name => SlotOf(name, drafts)).ToList();
        return new Procedure(PurposeOf(drafts), slots, built, drafts.Select(d => d.Demonstration).Distinct().ToList());
    }

    // The steps the final one needs, each after what it reads, plus the witnesses most demonstrations had.
    private static List<MergedStep> Order(Dictionary<string, MergedStep> steps, string finalKey, int demonstrations)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        void Need(string key)
        {
            if (steps.ContainsKey(key) && needed.Add(key))
                foreach (string read in steps[key].Reads)
                    Need(read);
        }
        Need(finalKey);
        var witnesses = steps.Values.Where(s => s.Witnessed * 2 >= demonstrations).Select(s => s.Key).ToList();
        foreach (string witness in witnesses)
        {
            // A witness stands in for slots the text may leave empty, so it must not read from a step that needs them.
            var fed = steps.Values.Where(s => s.TakesAnyOf(steps[witness].WitnessedSlots)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            steps[witness].DropReadsOf(fed);
            Need(witness);
        }
        // A witness and the steps it reads come first: a slot the text leaves empty falls back on what they found.
        var first = new HashSet<string>(StringComparer.Ordinal);
        void First(string key)
        {
            if (steps.ContainsKey(key) && first.Add(key))
                foreach (string read in steps[key].Reads)
                    First(read);
        }
        witnesses.ForEach(First);
        var placed = new List<MergedStep>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (placed.Count < needed.Count)
        {
            var ready = steps.Values.Where(s => needed.Contains(s.Key) && !done.Contains(s.Key) && s.Key != finalKey
                    && s.Reads.Where(needed.Contains).All(done.Contains)).ToList();
            if (ready.Count == 0)
                break;
            // Prefer what reads the step placed last (one chain at a time), then the earliest seen.
            string? last = placed.LastOrDefault()?.Key;
            MergedStep next = ready.OrderByDescending(s => first.Contains(s.Key))
                .ThenByDescending(s => last is not null && s.Reads.Contains(last)).ThenBy(s => s.FirstSeen).First();
            placed.Add(next);
            done.Add(next.Key);
        }
        placed.Add(steps[finalKey]);
        // A cycle of alternatives (each step read from the other) leaves steps out: drop those readings.
        var kept = placed.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (MergedStep step in placed)
            step.DropReadsOutside(kept, placed.TakeWhile(s => s != step).Select(s => s.Key).ToHashSet(StringComparer.Ordinal));
        return placed;
    }

    private static IEnumerable<string> SlotsOf(ValueSource source) => source switch
    {
        SlotValue slot => [slot.Slot],
        AnyOfValue any => any.Options.SelectMany(SlotsOf),
        _ => [],
    };

    private static ProcedureSlot SlotOf(string name, IReadOnlyList<SubgoalDraft> drafts)
    {
        var values = drafts.Where(d => d.Slots.ContainsKey(name)).Select(d => (d.Demonstration.Instruction, d.Slots[name])).ToList();
        string kind = values.Select(v => v.Item2.Kind).FirstOrDefault() ?? "text";
        var shapes = values.Where(v => v.Item2.Kind == "text").GroupBy(v => ValueShape.Of(v.Item2.Value), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var cues = values.SelectMany(v => TextMentions.WordsBefore(v.Instruction, TextMentions.Find(v.Instruction, v.Item2.Value), 3))
            .Where(w => w.Any(char.IsLetter)).GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(MaxCues).Select(g => g.Key).ToList();
        string? usual = kind == "enum"
            ? values.GroupBy(v => v.Item2.Value, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key
            : null;
        return new ProcedureSlot(name, kind) { Shapes = shapes, Cues = cues, Usual = usual };
    }

    // What the procedure is for: the tool's words, the clause most demonstrations used in general terms, and the first
    // sentence of the tool's own description (the words a new request in plain language is likelier to share).
    private static string PurposeOf(IReadOnlyList<SubgoalDraft> drafts)
    {
        string masked = drafts.Select(Masked).GroupBy(c => c, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        string description = drafts[0].ToolDescription;
        int end = description.IndexOf(". ", StringComparison.Ordinal);
        string first = (end < 0 ? description : description[..(end + 1)]).Trim();
        return $"{drafts[0].Call.Name.Replace('_', ' ')}: {masked}. {first}".TrimEnd();
    }

    /// <summary>
    /// The clause a sub-goal served in general terms: its slot values replaced by the slots' names, the particulars
    /// its look-ups found (items, options) left out, and the punctuation they leave behind dropped.
    /// </summary>
    public static string Masked(SubgoalDraft draft)
    {
        // Slots become numbered marks with no letters in them, so that leaving out particulars cannot touch them.
        string clause = draft.Clause;
        var names = draft.Slots.OrderByDescending(s => s.Value.Value.Length).Select(s => s.Key).ToList();
        for (int i = 0; i < names.Count; i++)
            clause = clause.Replace(draft.Slots[names[i]].Value, $"\u0001{new string('\u0003', i + 1)}\u0002", StringComparison.OrdinalIgnoreCase);
        foreach (string particular in draft.Particulars.OrderByDescending(p => p.Length))
            clause = Regex.Replace(clause, @"(?<![\p{L}\p{N}])" + Regex.Escape(particular) + @"(?![\p{L}\p{N}])", " ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        clause = Regex.Replace(clause, @"[^\p{L}\p{N}\u0001\u0002\u0003 ]+", " ");
        clause = Regex.Replace(clause, @"\s+", " ").Trim();
        return Regex.Replace(clause, "\u0001(\u0003+)\u0002", m => "{" + names[m.Groups[1].Length - 1] + "}");
    }

    /// <summary>One step's explanations over all the demonstrations that have it.</summary>
    private sealed class MergedStep(string key, string tool, bool changesState, int firstSeen)
    {
        private readonly Dictionary<string, Dictionary<string, (SourceDraft Source, int Support)>> counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (SourceDraft Source, int Support)> forEach = new(StringComparer.Ordinal);
        private Dictionary<string, List<SourceDraft>> chosen = new(StringComparer.Ordinal);
        private SourceDraft? chosenForEach;

        public string Key { get; } = key;

        public int FirstSeen { get; } = firstSeen;

        public int Witnessed { get; private set; }

        public IEnumerable<string> Reads =>
            chosen.Values.SelectMany(o => o).Append(chosenForEach).Where(s => s?.StepKey is not null).Select(s => s!.StepKey!).Distinct();

        public HashSet<string> WitnessedSlots { get; } = new(StringComparer.Ordinal);

        public void Add(StepDraft step, HashSet<string>? witnessedSlots)
        {
            if (witnessedSlots is not null)
            {
                Witnessed++;
                WitnessedSlots.UnionWith(witnessedSlots);
            }
            foreach (var (parameter, options) in step.Arguments)
            {
                if (!counts.TryGetValue(parameter, out var byKey))
                    counts[parameter] = byKey = new(StringComparer.Ordinal);
                foreach (SourceDraft option in options.DistinctBy(o => o.Key))
                    byKey[option.Key] = (option, byKey.TryGetValue(option.Key, out var held) ? held.Support + 1 : 1);
            }
            foreach (SourceDraft each in step.ForEach.DistinctBy(o => o.Key))
                forEach[each.Key] = (each, forEach.TryGetValue(each.Key, out var held) ? held.Support + 1 : 1);
        }

        public void Choose()
        {
            chosen = counts.ToDictionary(p => p.Key, p => Kept(p.Value.Values), StringComparer.Ordinal);
            chosenForEach = forEach.Count == 0 ? null : Kept(forEach.Values)[0];
        }

        public bool TakesAnyOf(HashSet<string> slots) =>
            chosen.Values.SelectMany(o => o).Any(o => o.Kind == SourceDraft.SlotKind && slots.Contains(o.Slot!));

        public void DropReadsOf(HashSet<string> keys)
        {
            foreach (var options in chosen.Values)
                if (options.Any(o => o.StepKey is null || !keys.Contains(o.StepKey)))
                    options.RemoveAll(o => o.StepKey is not null && keys.Contains(o.StepKey));
        }

        public void DropReadsOutside(HashSet<string> kept, HashSet<string> before)
        {
            foreach (var (parameter, options) in chosen)
                options.RemoveAll(o => o.StepKey is not null && (!kept.Contains(o.StepKey) || !before.Contains(o.StepKey)));
        }

        public ProcedureStep Build(IReadOnlyDictionary<string, int> index)
        {
            var arguments = chosen.Where(p => p.Value.Count > 0).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ArgumentBinding(p.Key, Combine(p.Value.Select(o => ToSource(o, index)).ToList()))).ToList();
            return new ProcedureStep(tool, arguments, changesState)
            {
                ForEach = chosenForEach is null ? null : ToSource(chosenForEach, index),
            };
        }

        private static List<SourceDraft> Kept(IEnumerable<(SourceDraft Source, int Support)> options)
        {
            var ranked = options.OrderByDescending(o => o.Support).ThenBy(o => Rank(o.Source)).ThenBy(o => o.Source.Key, StringComparer.Ordinal).ToList();
            int best = ranked[0].Support;
            var kept = ranked.Where(o => o.Support >= KeepShare * best && o.Source.Kind != SourceDraft.ConstantKind).Select(o => o.Source).ToList();
            // A constant is kept only when nothing explains the value better.
            return kept.Count > 0 ? kept : [ranked[0].Source];
        }

        private static int Rank(SourceDraft source) => source.Kind switch
        {
            SourceDraft.SlotKind => 0,
            SourceDraft.ElementKind => 0,
            SourceDraft.ResultKind => 1,
            _ => 2,
        };

        private static ValueSource Combine(List<ValueSource> options) => options.Count == 1 ? options[0] : new AnyOfValue(options);

        private static ValueSource ToSource(SourceDraft draft, IReadOnlyDictionary<string, int> index) => draft.Kind switch
        {
            SourceDraft.SlotKind => new SlotValue(draft.Slot!),
            SourceDraft.ResultKind => new ResultValue(index[draft.StepKey!], draft.Path!),
            SourceDraft.ElementKind => new ElementValue(draft.Path!),
            _ => new ConstantValue(draft.Constant ?? JsonSerializer.SerializeToElement<object?>(null)),
        };
    }
}
