namespace ProceduralMemory.Memory.Domains;

/// <summary>Turns one domain value (an action, an observation, an outcome) into the bytes a store keeps, and back.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public interface IPayloadCodec<T>
{
    /// <summary>The bytes of <paramref name="value"/>; equal values give equal bytes.</summary>
    byte[] Encode(T value);

    /// <summary>The value written as <paramref name="data"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a value this codec wrote.</exception>
    T Decode(ReadOnlySpan<byte> data);
}
