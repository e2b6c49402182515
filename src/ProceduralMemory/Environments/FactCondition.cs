namespace ProceduralMemory.Environments;

/// <summary>
/// A conjunction of required fact values, e.g. <c>has_key=true, door_open=false</c>: the facts in
/// <see cref="Mask"/> must equal the corresponding bits of <see cref="Values"/>. Facts outside the mask are free.
/// </summary>
/// <remarks>
/// Held as two bit masks so that testing a condition is two instructions, which keeps the applicability filter
/// of skill retrieval cheap however many skills there are.
/// </remarks>
/// <param name="Mask">The facts the condition constrains.</param>
/// <param name="Values">Their required values (bits outside the mask are ignored).</param>
public readonly record struct FactCondition(ulong Mask, ulong Values)
{
    /// <summary>The condition that every state satisfies.</summary>
    public static FactCondition Always => default;

    /// <summary>The condition that the facts in <paramref name="mask"/> keep the values they have in <paramref name="facts"/>.</summary>
    public static FactCondition Of(Facts facts, ulong mask) => new(mask, facts.Bits & mask);

    /// <summary>True when <paramref name="facts"/> has every required value.</summary>
    public bool IsSatisfiedBy(Facts facts) => ((facts.Bits ^ Values) & Mask) == 0;

    /// <summary>True when the condition constrains nothing.</summary>
    public bool IsEmpty => Mask == 0;

    /// <summary>Formats the condition with the schema's fact names.</summary>
    public string Format(FactSchema schema) => schema.Format(new Facts(Values), Mask);
}
