using System.Text.Json;
using System.Text.RegularExpressions;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Memory.Policies;

public sealed partial class ProcedurePolicyCodec
{
    /// <summary>
    /// Checks that <paramref name="procedure"/> can be run: a purpose; slots with distinct names and shapes that are
    /// regular expressions; at least one step; every step naming a tool, each parameter once, each value from a slot the
    /// procedure has, an earlier step's result (by a path starting with <c>$</c>), a constant, or (in a for-each step
    /// only) the element it is called for; demonstrations with an instruction and named calls (and, when recorded, one result per call).
    /// </summary>
    /// <exception cref="InvalidDataException">The first problem, with where it is (e.g. <c>steps[2].arguments[0] (order_id)</c>).</exception>
    public static void Validate(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        if (string.IsNullOrWhiteSpace(procedure.Purpose))
            throw new InvalidDataException("purpose is empty");
        if (procedure.Slots is null || procedure.Steps is null || procedure.Demonstrations is null)
            throw new InvalidDataException("slots, steps and demonstrations must all be lists");
        var slots = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < procedure.Slots.Count; i++)
        {
            ProcedureSlot? slot = procedure.Slots[i];
            string at = $"slots[{i}]";
            if (slot is null || string.IsNullOrWhiteSpace(slot.Name) || string.IsNullOrWhiteSpace(slot.Kind))
                throw new InvalidDataException($"{at} needs a name and a kind");
            if (!slots.Add(slot.Name))
                throw new InvalidDataException($"{at} is a second slot named '{slot.Name}'");
            if (slot.Shapes is null || slot.Cues is null || slot.Cues.Any(c => c is null))
                throw new InvalidDataException($"{at} ({slot.Name}) needs lists of shapes and cues");
            foreach (string shape in slot.Shapes)
                CheckShape(shape, $"{at} ({slot.Name})");
        }
        if (procedure.Steps.Count == 0)
            throw new InvalidDataException("it has no steps");
        for (int i = 0; i < procedure.Steps.Count; i++)
            CheckStep(procedure.Steps[i], i, slots);
        for (int i = 0; i < procedure.Demonstrations.Count; i++)
        {
            ToolDemonstration? demonstration = procedure.Demonstrations[i];
            if (demonstration is null || demonstration.Source is null || demonstration.Instruction is null || demonstration.Calls is null)
                throw new InvalidDataException($"demonstrations[{i}] needs a source, an instruction and calls");
            for (int c = 0; c < demonstration.Calls.Count; c++)
                if (demonstration.Calls[c] is not { } call || string.IsNullOrWhiteSpace(call.Name) || call.Arguments.ValueKind != JsonValueKind.Object)
                    throw new InvalidDataException($"demonstrations[{i}].calls[{c}] needs a tool name and an arguments object");
            if (demonstration.Results is { } results && (results.Count != demonstration.Calls.Count || results.Any(r => r?.Output is null)))
                throw new InvalidDataException($"demonstrations[{i}].results must give one result with an output for each of its {demonstration.Calls.Count} calls");
        }
    }

    private static void CheckStep(ProcedureStep? step, int index, HashSet<string> slots)
    {
        string at = $"steps[{index}]";
        if (step is null || string.IsNullOrWhiteSpace(step.Tool))
            throw new InvalidDataException($"{at} names no tool");
        if (step.Arguments is null)
            throw new InvalidDataException($"{at} ({step.Tool}) needs a list of arguments");
        if (step.ForEach is { } each)
            CheckSource(each, index, slots, inForEach: false, $"{at}.for_each");
        var parameters = new HashSet<string>(StringComparer.Ordinal);
        for (int a = 0; a < step.Arguments.Count; a++)
        {
            ArgumentBinding? binding = step.Arguments[a];
            string argument = $"{at}.arguments[{a}]";
            if (binding is null || string.IsNullOrWhiteSpace(binding.Parameter) || binding.Source is null)
                throw new InvalidDataException($"{argument} needs a parameter and a source");
            if (!parameters.Add(binding.Parameter))
                throw new InvalidDataException($"{argument} binds '{binding.Parameter}' a second time");
            CheckSource(binding.Source, index, slots, inForEach: step.ForEach is not null, $"{argument} ({binding.Parameter})");
        }
    }

    private static void CheckSource(ValueSource source, int step, HashSet<string> slots, bool inForEach, string at)
    {
        switch (source)
        {
            case ConstantValue constant when constant.Value.ValueKind == JsonValueKind.Undefined:
                throw new InvalidDataException($"{at} is a constant without a value");
            case ConstantValue:
                return;
            case SlotValue slot when slot.Slot is null || !slots.Contains(slot.Slot):
                throw new InvalidDataException($"{at} reads the slot '{slot.Slot}', which the procedure does not have");
            case SlotValue:
                return;
            case ResultValue result when result.Step < 0 || result.Step >= step:
                throw new InvalidDataException($"{at} reads the result of step {result.Step + 1}, which is not an earlier step");
            case ResultValue result:
                CheckPath(result.Path, at);
                return;
            case ElementValue when !inForEach:
                throw new InvalidDataException($"{at} reads the element of a for-each, but the step is not one");
            case ElementValue element:
                CheckPath(element.Path, at);
                return;
            case AnyOfValue any when any.Options is null || any.Options.Count == 0:
                throw new InvalidDataException($"{at} is a choice of no sources");
            case AnyOfValue any:
                for (int i = 0; i < any.Options.Count; i++)
                    CheckSource(any.Options[i] ?? throw new InvalidDataException($"{at} option {i + 1} is null"), step, slots, inForEach, $"{at} option {i + 1}");
                return;
            default:
                throw new InvalidDataException($"{at} is a source of unknown kind {source.GetType().Name}");
        }
    }

    private static void CheckPath(string? path, string at)
    {
        if (path is null || !path.StartsWith('$'))
            throw new InvalidDataException($"{at} has the path '{path}', which does not start with '$'");
        if (path.Count(c => c == '[') != path.Count(c => c == ']'))
            throw new InvalidDataException($"{at} has the path '{path}', whose brackets do not match");
    }

    private static void CheckShape(string? shape, string at)
    {
        try
        {
            _ = new Regex(shape ?? throw new InvalidDataException($"{at} has a null shape"), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{at} has the shape '{shape}', which is not a regular expression: {e.Message}", e);
        }
    }
}
