using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProceduralMemory.Tools.Procedures;

/// <summary>Where one argument value of a procedure step comes from: a constant, a slot filled from the task's text, or a field of an earlier result.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "from")]
[JsonDerivedType(typeof(ConstantValue), "constant")]
[JsonDerivedType(typeof(SlotValue), "slot")]
[JsonDerivedType(typeof(ResultValue), "result")]
[JsonDerivedType(typeof(ElementValue), "element")]
[JsonDerivedType(typeof(AnyOfValue), "any")]
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

/// <summary>A field of the element a for-each step is called for (see <see cref="ProcedureStep.ForEach"/>).</summary>
/// <param name="Path">The path into the element, <c>$</c> for the element itself.</param>
public sealed record ElementValue(string Path) : ValueSource
{
    /// <inheritdoc />
    public override string Describe() => $"each {Path}";
}

/// <summary>The first of several sources that gives a value: the demonstrations showed the value in more than one place.</summary>
/// <param name="Options">The sources, the one most demonstrations support first.</param>
public sealed record AnyOfValue(IReadOnlyList<ValueSource> Options) : ValueSource
{
    /// <inheritdoc />
    public override string Describe() => string.Join(" or ", Options.Select(o => o.Describe()));
}
