using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>Where one argument value of a procedure step comes from: a constant, a slot filled from the task's text, or a field of an earlier result.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "from")]
[JsonDerivedType(typeof(ConstantValue), "constant")]
[JsonDerivedType(typeof(SlotValue), "slot")]
[JsonDerivedType(typeof(ResultValue), "result")]
public abstract record ValueSource
{
    /// <summary>A short readable form, as <c>skills show</c> prints it.</summary>
    public abstract string Describe();
}

/// <summary>The same value every time.</summary>
/// <param name="Value">The value.</param>
public sealed record ConstantValue(JsonElement Value) : ValueSource
{
    /// <inheritdoc />
    public override string Describe() => Value.GetRawText();
}

/// <summary>A value read from the task's text: the slot names what kind of span it is (an order id, a zip code, a name).</summary>
/// <param name="Slot">The slot's name.</param>
public sealed record SlotValue(string Slot) : ValueSource
{
    /// <inheritdoc />
    public override string Describe() => "{" + Slot + "}";
}

/// <summary>A value read from the result of an earlier step, by a path into its JSON.</summary>
/// <param name="Step">The earlier step's index (0-based).</param>
/// <param name="Path">The path into its result, such as <c>$.payment_history[0].payment_method_id</c>.</param>
public sealed record ResultValue(int Step, string Path) : ValueSource
{
    /// <inheritdoc />
    public override string Describe() => $"step {Step + 1} {Path}";
}
