using ProceduralMemory.Memory.Policies;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A skill policy as data: its kind, its bytes and a human-readable shape. The kind's registered codec
/// (<see cref="PolicyKinds"/>) writes and checks the bytes; reading them back validates them completely.
/// </summary>
public sealed class StoredPolicy
{
    private StoredPolicy(IPolicyCodec codec, byte[] data, string shape)
    {
        Codec = codec;
        Data = data;
        Shape = shape;
    }

    /// <summary>The codec of the policy's kind.</summary>
    public IPolicyCodec Codec { get; }

    /// <summary>The policy's kind name, such as <c>mlp</c> or <c>open-loop</c>.</summary>
    public string Kind => Codec.Kind;

    /// <summary>The policy's bytes.</summary>
    public byte[] Data { get; }

    /// <summary>Layer sizes such as <c>71x64x7</c>, or the number of actions of an open-loop policy.</summary>
    public string Shape { get; }

    /// <summary>The data of <paramref name="policy"/>, encoded by its kind's codec.</summary>
    /// <exception cref="LibraryException">No codec is registered for the policy's kind.</exception>
    public static StoredPolicy Of(ISkillPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        IPolicyCodec codec = PolicyKinds.Get(policy.Kind);
        byte[] data = codec.Encode(policy);
        return new StoredPolicy(codec, data, codec.Check(data));
    }

    /// <summary>Reads stored data back, checking it; the bytes are kept as given (not copied).</summary>
    /// <exception cref="InvalidDataException">Unknown kind, or bytes that are not a valid policy of that kind.</exception>
    public static StoredPolicy Read(string kind, byte[] data)
    {
        IPolicyCodec codec = CodecOf(kind);
        return new StoredPolicy(codec, data, codec.Check(data));
    }

    /// <summary>The codec of stored <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidDataException">No codec is registered for it.</exception>
    public static IPolicyCodec CodecOf(string kind)
    {
        try
        {
            return PolicyKinds.Get(kind);
        }
        catch (LibraryException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>The checksum stored beside the bytes.</summary>
    public uint Checksum => Codec.Checksum(Data);

    /// <summary>A live policy built from the data.</summary>
    public ISkillPolicy ToPolicy() => Codec.Decode(Data);
}
