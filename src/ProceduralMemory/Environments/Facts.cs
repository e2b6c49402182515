namespace ProceduralMemory.Environments;

/// <summary>The values of an environment's boolean facts, one bit per fact of its <see cref="FactSchema"/>.</summary>
/// <param name="Bits">Bit <c>i</c> is the value of fact <c>i</c>.</param>
public readonly record struct Facts(ulong Bits)
{
    /// <summary>The value of fact <paramref name="index"/>.</summary>
    public bool Get(int index) => (Bits & (1UL << index)) != 0;

    /// <summary>A copy with fact <paramref name="index"/> set to <paramref name="value"/>.</summary>
    public Facts With(int index, bool value) =>
        new(value ? Bits | (1UL << index) : Bits & ~(1UL << index));
}
