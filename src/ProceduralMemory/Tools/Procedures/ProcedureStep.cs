namespace ProceduralMemory.Tools.Procedures;

/// <summary>One step of a procedure: a tool and where each of its arguments comes from.</summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="Arguments">Each argument's source, by parameter name, in the tool's parameter order.</param>
/// <param name="ChangesState">True for the state-changing call the step serves (the sub-goal); false for a look-up feeding it.</param>
public sealed record ProcedureStep(string Tool, IReadOnlyList<ArgumentBinding> Arguments, bool ChangesState)
{
    /// <summary>
    /// When set, the step is called once per value this source gives (the items an instruction names, say), its
    /// <see cref="ElementValue"/> arguments read from that value; a later step's <see cref="ResultValue"/> of it gives one value per call.
    /// </summary>
    public ValueSource? ForEach { get; init; }
}

/// <summary>One argument of a step and where its value comes from.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Source">Where the value comes from.</param>
public sealed record ArgumentBinding(string Parameter, ValueSource Source);
