using System.Text.Json;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.AI.Memory;

/// <summary>
/// A stored procedure as the middleware, the MCP server and the HTTP API show it: its id and name, what it is for, its
/// slots and steps (each argument's source in words), how often it was used and succeeded, and the procedure itself as
/// the library stores it (<see cref="Procedure"/>), for a client that runs it.
/// </summary>
public sealed record ProcedureView(
    int Id,
    string Name,
    string Purpose,
    IReadOnlyList<SlotView> Slots,
    IReadOnlyList<StepView> Steps,
    int Uses,
    int Successes,
    double SuccessRate,
    int Demonstrations,
    JsonElement Procedure)
{
    /// <summary>The view of procedure skill <paramref name="skill"/>.</summary>
    public static ProcedureView Of(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        Procedure procedure = ProcedureSkills.ProcedureOf(skill);
        // Recorded results are kept for consolidation, not for the agent shown the procedure: they would swell every
        // recall by what the conversations' look-ups returned.
        Procedure shown = procedure with { Demonstrations = [.. procedure.Demonstrations.Select(d => d with { Results = null })] };
        using var document = JsonDocument.Parse(ProcedurePolicyCodec.ToBytes(shown));
        return new ProcedureView(
            skill.Id,
            skill.Name,
            procedure.Purpose,
            [.. procedure.Slots.Select(s => new SlotView(s.Name, s.Kind, s.Shapes, s.Cues, s.Usual))],
            [.. procedure.Steps.Select(s => new StepView(
                s.Tool,
                s.Arguments.ToDictionary(a => a.Parameter, a => a.Source.Describe(), StringComparer.Ordinal),
                s.ForEach?.Describe(),
                s.ChangesState))],
            skill.Statistics.Uses,
            skill.Statistics.Successes,
            skill.Statistics.SuccessRate,
            skill.Statistics.Demonstrations,
            document.RootElement.Clone());
    }
}

/// <summary>A value a procedure reads from the task's text.</summary>
/// <param name="Name">The slot's name, as the steps write it (<c>{order_id}</c>).</param>
/// <param name="Kind">Its kind (an identifier, a name, an enumerated value...).</param>
/// <param name="Shapes">Patterns its values had.</param>
/// <param name="Cues">Words seen before it in the demonstrations.</param>
/// <param name="Usual">The value an enumerated slot usually takes, if any.</param>
public sealed record SlotView(string Name, string Kind, IReadOnlyList<string> Shapes, IReadOnlyList<string> Cues, string? Usual);

/// <summary>One step of a procedure.</summary>
/// <param name="Tool">The tool it calls.</param>
/// <param name="Arguments">Each parameter's source in words: <c>{order_id}</c>, <c>step 2 $.items[*].item_id</c>, a constant.</param>
/// <param name="ForEach">The list it is repeated over, when it is a for-each step.</param>
/// <param name="ChangesState">True for the step that changes the world.</param>
public sealed record StepView(string Tool, IReadOnlyDictionary<string, string> Arguments, string? ForEach, bool ChangesState);
