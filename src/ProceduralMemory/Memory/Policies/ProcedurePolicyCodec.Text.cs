using System.Text;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Memory.Policies;

public sealed partial class ProcedurePolicyCodec
{
    private const int ExampleLength = 160;

    /// <summary>
    /// <paramref name="procedure"/> for a reader, over several lines: its purpose; each step with its tool, what it is
    /// called for each of (if anything) and where each argument comes from (<c>param ← {slot}</c>,
    /// <c>step N $.path</c>, a constant, <c>each $.path</c>, <c>a or b</c>); the slots with their kinds, shapes and cues;
    /// how many demonstrations it was learned from, with one example instruction. Lines end with <c>\n</c> on every platform.
    /// </summary>
    public static string Describe(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var text = new StringBuilder();
        text.Append("Purpose: ").Append(procedure.Purpose).Append('\n');
        text.Append("Steps:").Append('\n');
        for (int i = 0; i < procedure.Steps.Count; i++)
        {
            ProcedureStep step = procedure.Steps[i];
            text.Append("  ").Append(i + 1).Append(". ").Append(step.Tool);
            if (step.ForEach is { } each)
                text.Append(", for each of ").Append(each.Describe());
            if (step.ChangesState)
                text.Append(" (changes state)");
            text.Append('\n');
            foreach (ArgumentBinding argument in step.Arguments)
                text.Append("       ").Append(argument.Parameter).Append(" ← ").Append(argument.Source.Describe()).Append('\n');
        }
        text.Append(procedure.Slots.Count == 0 ? "Slots: none" : "Slots:").Append('\n');
        foreach (ProcedureSlot slot in procedure.Slots)
        {
            text.Append("  {").Append(slot.Name).Append("}: ").Append(slot.Kind);
            if (slot.Shapes.Count > 0)
                text.Append("; shapes ").Append(string.Join(" ", slot.Shapes));
            if (slot.Cues.Count > 0)
                text.Append("; cues ").Append(string.Join(", ", slot.Cues));
            if (slot.Usual is { } usual)
                text.Append("; usually \"").Append(usual).Append('"');
            text.Append('\n');
        }
        text.Append("Demonstrations: ").Append(procedure.Demonstrations.Count);
        if (procedure.Demonstrations.Count > 0)
        {
            ToolDemonstration example = procedure.Demonstrations[0];
            string instruction = string.Join(' ', example.Instruction.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (instruction.Length > ExampleLength)
                instruction = instruction[..ExampleLength] + "...";
            text.Append('\n').Append("  e.g. \"").Append(instruction).Append("\" (").Append(example.Source).Append(')');
        }
        return text.ToString();
    }
}
