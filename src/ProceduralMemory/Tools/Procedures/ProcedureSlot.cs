namespace ProceduralMemory.Tools.Procedures;

/// <summary>A value a procedure needs from the task's text, and the kind of span it is read from.</summary>
/// <param name="Name">The slot's name, as steps refer to it.</param>
/// <param name="Kind">What it looks like in text, such as <c>order-id</c>, <c>zip</c>, <c>email</c>, <c>person-name</c>.</param>
public sealed record ProcedureSlot(string Name, string Kind);
