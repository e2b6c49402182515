namespace ProceduralMemory.Tools.Procedures;

/// <summary>A value a procedure needs from the task's text, and the kind of span it is read from.</summary>
/// <param name="Name">The slot's name, as steps refer to it.</param>
/// <param name="Kind">What it looks like in text, such as <c>order-id</c>, <c>zip</c>, <c>email</c>, <c>person-name</c>.</param>
public sealed record ProcedureSlot(string Name, string Kind)
{
    /// <summary>The regular expressions a value of the slot matched in the demonstrations (from <see cref="ValueShape"/>); empty for an enumerated value.</summary>
    public IReadOnlyList<string> Shapes { get; init; } = [];

    /// <summary>Words that came just before the value in the demonstrations' text, lower case: they pick one span when several fit.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];
}
