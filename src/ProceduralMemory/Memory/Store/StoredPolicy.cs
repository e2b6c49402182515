using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// A skill policy as data: its kind, its bytes and a human-readable shape. Neural modules are stored in
/// <see cref="MlpWeights"/>'s binary form (layer sizes and a checksum included); open-loop policies as their
/// action indices. Reading one back validates it completely.
/// </summary>
public sealed class StoredPolicy
{
    private StoredPolicy(string kind, byte[] data, string shape)
    {
        Kind = kind;
        Data = data;
        Shape = shape;
    }

    /// <summary><see cref="MlpPolicy.KindName"/> or <see cref="OpenLoopPolicy.KindName"/>.</summary>
    public string Kind { get; }

    /// <summary>The policy's bytes.</summary>
    public byte[] Data { get; }

    /// <summary>Layer sizes such as <c>71x64x7</c>, or the number of actions of an open-loop policy.</summary>
    public string Shape { get; }

    /// <summary>The data of <paramref name="policy"/>.</summary>
    public static StoredPolicy Of(ISkillPolicy policy) => policy switch
    {
        MlpPolicy neural => OfWeights(neural.Network.GetWeights()),
        OpenLoopPolicy openLoop => OfActions(openLoop.Actions),
        _ => throw new ArgumentException($"Policies of kind '{policy.Kind}' cannot be stored.", nameof(policy)),
    };

    /// <summary>The data of a neural module with <paramref name="weights"/>.</summary>
    public static StoredPolicy OfWeights(MlpWeights weights) => new(MlpPolicy.KindName, weights.ToBytes(), ShapeOf(weights));

    /// <summary>The data of an open-loop policy.</summary>
    public static StoredPolicy OfActions(IReadOnlyList<int> actions)
    {
        var data = new byte[4 * actions.Count];
        for (int i = 0; i < actions.Count; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4 * i), actions[i]);
        return new StoredPolicy(OpenLoopPolicy.KindName, data, $"{actions.Count}");
    }

    /// <summary>Reads stored data back, checking it; valid network bytes are kept as given (not copied).</summary>
    /// <exception cref="InvalidDataException">Unknown kind, or bytes that are not a valid policy of that kind.</exception>
    public static StoredPolicy Read(string kind, byte[] data)
    {
        return kind switch
        {
            // Check verifies every field and the checksum, and the format has one encoding per network, so the
            // checked bytes are what ToBytes would write: keeping them saves re-encoding and re-hashing every load.
            MlpPolicy.KindName => new StoredPolicy(kind, data, string.Join('x', MlpWeights.Check(data))),
            OpenLoopPolicy.KindName when data.Length > 0 && data.Length % 4 == 0 => OfActions(ReadActions(data)),
            OpenLoopPolicy.KindName => throw new InvalidDataException($"An open-loop policy needs a positive multiple of 4 bytes, got {data.Length}."),
            _ => throw new InvalidDataException($"Unknown policy kind '{kind}'."),
        };
    }

    /// <summary>The weights of a neural policy (checked), or <c>null</c> for another kind.</summary>
    public MlpWeights? Weights => Kind == MlpPolicy.KindName ? MlpWeights.FromBytes(Data) : null;

    /// <summary>The actions of an open-loop policy, or <c>null</c> for another kind.</summary>
    public IReadOnlyList<int>? Actions => Kind == OpenLoopPolicy.KindName ? ReadActions(Data) : null;

    /// <summary>A live policy built from the data.</summary>
    public ISkillPolicy ToPolicy() => Weights is { } weights
        ? new MlpPolicy(Mlp.FromWeights(weights))
        : new OpenLoopPolicy(Actions!);

    private static string ShapeOf(MlpWeights weights) => string.Join('x', weights.LayerSizes.ToArray());

    private static int[] ReadActions(byte[] data)
    {
        var actions = new int[data.Length / 4];
        for (int i = 0; i < actions.Length; i++)
            actions[i] = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4 * i));
        return actions;
    }
}
