using System.Globalization;
using System.Text;
using System.Text.Json;
using ProceduralMemory.AI.Memory;

namespace ProceduralMemory.AI.Chat;

/// <summary>
/// The system message that puts recalled procedures before a model: each one's name, purpose, how often it worked,
/// the values it needs from the user's words (its slots) and its steps, then optionally all of them as JSON between
/// <see cref="JsonStart"/> and <see cref="JsonEnd"/> for a client that runs them.
/// </summary>
public static class ProcedureGuidance
{
    /// <summary>The line that opens the JSON block.</summary>
    public const string JsonStart = "```json procmem-procedures";

    /// <summary>The line that closes the JSON block.</summary>
    public const string JsonEnd = "```";

    /// <summary>The guidance for <paramref name="recalled"/>, nearest first.</summary>
    public static string Render(IReadOnlyList<RecalledProcedure> recalled, bool includeJson = true)
    {
        ArgumentNullException.ThrowIfNull(recalled);
        var text = new StringBuilder();
        text.AppendLine("Procedural memory: procedures that carried out tasks like this one before. Follow the one that fits the request, "
            + "filling its slots from the user's words and its look-ups from the results of earlier steps; make no state change the user did not ask for.");
        for (int i = 0; i < recalled.Count; i++)
            AppendProcedure(text, i + 1, recalled[i]);
        if (includeJson)
        {
            text.AppendLine().AppendLine(JsonStart);
            text.AppendLine(JsonSerializer.Serialize(recalled.Select(r => r.Procedure), ProcedureJson.Options));
            text.AppendLine(JsonEnd);
        }
        return text.ToString();
    }

    /// <summary>The procedures in the JSON block of <paramref name="guidance"/>, or none when it has no block.</summary>
    public static IReadOnlyList<ProcedureView> Parse(string guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        int start = guidance.IndexOf(JsonStart, StringComparison.Ordinal);
        if (start < 0)
            return [];
        start += JsonStart.Length;
        int end = guidance.IndexOf(JsonEnd, start, StringComparison.Ordinal);
        if (end < 0)
            return [];
        return JsonSerializer.Deserialize<List<ProcedureView>>(guidance.AsSpan(start, end - start), ProcedureJson.Options) ?? [];
    }

    private static void AppendProcedure(StringBuilder text, int number, RecalledProcedure recalled)
    {
        ProcedureView p = recalled.Procedure;
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine().Append(invariant, $"{number}. {p.Name} (procedure {p.Id}; similarity {recalled.Similarity:0.00}; ");
        text.Append(p.Uses == 0
            ? $"not used yet; {p.Demonstrations} demonstration(s))"
            : string.Create(invariant, $"succeeded {p.Successes} of {p.Uses} uses, {p.SuccessRate:0%}; {p.Demonstrations} demonstration(s))"));
        text.AppendLine().Append("   For: ").AppendLine(p.Purpose);
        if (p.Slots.Count > 0)
        {
            text.AppendLine("   Slots:");
            foreach (SlotView slot in p.Slots)
            {
                text.Append("   - {").Append(slot.Name).Append("}: ").Append(slot.Kind);
                if (slot.Shapes.Count > 0)
                    text.Append(", like ").Append(string.Join(" or ", slot.Shapes));
                if (slot.Cues.Count > 0)
                    text.Append(", after words such as ").Append(string.Join(", ", slot.Cues.Select(c => $"\"{c}\"")));
                if (slot.Usual is not null)
                    text.Append(", usually ").Append(slot.Usual);
                text.AppendLine();
            }
        }
        text.AppendLine("   Steps:");
        for (int i = 0; i < p.Steps.Count; i++)
        {
            StepView step = p.Steps[i];
            string arguments = string.Join(", ", step.Arguments.Select(a => $"{a.Key} = {a.Value}"));
            text.Append(invariant, $"   {i + 1}. {step.Tool}({arguments})");
            if (step.ForEach is not null)
                text.Append(" for each of ").Append(step.ForEach);
            if (step.ChangesState)
                text.Append("  [changes state]");
            text.AppendLine();
        }
    }
}
