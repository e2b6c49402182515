namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>
/// What kind of sub-goal a state-changing call serves: its tool and its parameters' names. Sub-goals of one signature
/// are merged into one procedure by induction, and stored procedures of one signature are variants of one procedure
/// (<see cref="Consolidation.ProcedureConsolidation"/>).
/// </summary>
public static class SubgoalSignature
{
    /// <summary>The signature of a call of <paramref name="tool"/> with <paramref name="parameters"/>, such as <c>cancel_pending_order(order_id,reason)</c>.</summary>
    public static string Of(string tool, IEnumerable<string> parameters) =>
        tool + "(" + string.Join(",", parameters.Order(StringComparer.Ordinal)) + ")";

    /// <summary>The signature of the sub-goal <paramref name="procedure"/> serves: that of its last state-changing step (its last step when none changes state).</summary>
    public static string Of(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ProcedureStep step = procedure.Steps.LastOrDefault(s => s.ChangesState) ?? procedure.Steps[^1];
        return Of(step.Tool, step.Arguments.Select(a => a.Parameter));
    }
}
