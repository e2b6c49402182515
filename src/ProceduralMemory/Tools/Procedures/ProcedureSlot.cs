namespace ProceduralMemory.Tools.Procedures;

/// <summary>A value a procedure needs from the task's text, and the kind of span it is read from.</summary>
/// <param name="Name">The slot's name, as steps refer to it.</param>
/// <param name="Kind"><c>text</c>: a span of the text, found by its <see cref="Shapes"/>; <c>enum</c>: one of the parameter's enumerated values, named in the text.</param>
public sealed record ProcedureSlot(string Name, string Kind)
{
    /// <summary>The regular expressions a value of the slot matched in the demonstrations (from <see cref="ValueShape"/>); empty for an enumerated value.</summary>
    public IReadOnlyList<string> Shapes { get; init; } = [];

    /// <summary>Words that came just before the value in the demonstrations' text, lower case: they pick one span when several fit.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>
    /// For a slot of enumerated values: the value most demonstrations gave it, taken when the text names none (a
    /// cancellation's reason said in other words). Null for free text, where a guess would be some other record.
    /// </summary>
    public string? Usual { get; init; }
}
