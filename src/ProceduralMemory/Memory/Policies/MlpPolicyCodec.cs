using System.Buffers.Binary;
using System.Text.Json;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Policies;

/// <summary>
/// Stores an <see cref="MlpPolicy"/> in <see cref="MlpWeights"/>' binary form (layer sizes and a CRC-32C included);
/// in JSON, as layer sizes, activation and parameters.
/// </summary>
public sealed class MlpPolicyCodec : IPolicyCodec
{
    /// <inheritdoc />
    public string Kind => MlpPolicy.KindName;

    /// <inheritdoc />
    public byte[] Encode(ISkillPolicy policy) => policy is MlpPolicy neural
        ? neural.Network.GetWeights().ToBytes()
        : throw new ArgumentException($"A policy of kind '{policy.Kind}' is not an MLP policy.", nameof(policy));

    /// <summary>The stored form of a network with <paramref name="weights"/>.</summary>
    public static StoredPolicy Store(MlpWeights weights) => StoredPolicy.Read(MlpPolicy.KindName, weights.ToBytes());

    /// <inheritdoc />
    public ISkillPolicy Decode(byte[] data) => new MlpPolicy(Mlp.FromWeights(MlpWeights.FromBytes(data)));

    /// <inheritdoc />
    public string Check(byte[] data) => string.Join('x', MlpWeights.Check(data));

    /// <summary>The checksum the weights' own format ends with, so it costs nothing to compute.</summary>
    public uint Checksum(ReadOnlySpan<byte> data) =>
        data.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(data[^4..]) : ProceduralMemory.Checksum.Crc32C(data);

    /// <inheritdoc />
    public string Summary(byte[] data) => $"{Check(data)} network";

    /// <inheritdoc />
    public (string Field, string Value) Describe(byte[] data, LibraryManifest manifest)
    {
        MlpWeights weights = MlpWeights.FromBytes(data);
        return ("Network", $"{weights.Parameters.Length} parameters, {weights.Activation.ToString().ToLowerInvariant()} hidden layers, checksummed");
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest)
    {
        MlpWeights weights = MlpWeights.FromBytes(data);
        json.WritePropertyName("layer_sizes");
        json.WriteRawValue("[" + string.Join(", ", weights.LayerSizes.ToArray()) + "]");
        json.WriteString("activation", weights.Activation.ToString().ToLowerInvariant());
        LibraryJson.WriteNumbers(json, "parameters", weights.Parameters);
    }

    /// <inheritdoc />
    public byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest)
    {
        var node = new LibraryJson.Node(policy, path);
        int[] sizes = node["layer_sizes"].Items().Select(n => n.Int(minimum: 1)).ToArray();
        if (sizes.Length < 2)
            throw node["layer_sizes"].Invalid("must list at least the input and the output size");
        // The two disagree, and either may be the one that is wrong: name both, the manifest's first.
        if (sizes[0] != manifest.FeatureCount)
            throw new LibraryException($"$.feature_count is {manifest.FeatureCount}, but {path}.layer_sizes starts at {sizes[0]} inputs; they must agree");
        if (sizes[^1] != manifest.ActionNames.Count)
            throw new LibraryException($"$.actions names {manifest.ActionNames.Count} actions, but {path}.layer_sizes ends at {sizes[^1]} outputs; they must agree");
        string activation = node["activation"].String();
        if (!Enum.TryParse(activation, ignoreCase: true, out HiddenActivation parsed) || !Enum.IsDefined(parsed)
            || activation != parsed.ToString().ToLowerInvariant())
            throw node["activation"].Invalid($"is '{activation}'; known: {string.Join(", ", Enum.GetNames<HiddenActivation>().Select(n => n.ToLowerInvariant()))}");
        int expected;
        try
        {
            expected = MlpWeights.ParameterCount(sizes);
        }
        catch (ArgumentException e)
        {
            throw node["layer_sizes"].Invalid(e.Message);
        }
        return new MlpWeights(sizes, parsed, node["parameters"].Floats(expected)).ToBytes();
    }
}
