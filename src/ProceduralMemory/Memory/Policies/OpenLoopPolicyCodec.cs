using System.Buffers.Binary;
using System.Text.Json;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Memory.Policies;

/// <summary>Stores an <see cref="OpenLoopPolicy"/> as its action indices, 4 bytes each, little-endian; in JSON, as action names.</summary>
public sealed class OpenLoopPolicyCodec : IPolicyCodec
{
    /// <inheritdoc />
    public string Kind => OpenLoopPolicy.KindName;

    /// <inheritdoc />
    public byte[] Encode(ISkillPolicy policy) => policy is OpenLoopPolicy openLoop
        ? EncodeActions(openLoop.Actions)
        : throw new ArgumentException($"A policy of kind '{policy.Kind}' is not an open-loop policy.", nameof(policy));

    /// <summary>The stored form of an open-loop policy replaying <paramref name="actions"/>.</summary>
    public static StoredPolicy Store(IReadOnlyList<int> actions) => StoredPolicy.Read(OpenLoopPolicy.KindName, EncodeActions(actions));

    /// <inheritdoc />
    public ISkillPolicy Decode(byte[] data) => new OpenLoopPolicy(Actions(data));

    /// <inheritdoc />
    public string Check(byte[] data) => data.Length > 0 && data.Length % 4 == 0
        ? $"{data.Length / 4}"
        : throw new InvalidDataException($"An open-loop policy needs a positive multiple of 4 bytes, got {data.Length}.");

    /// <inheritdoc />
    public uint Checksum(ReadOnlySpan<byte> data) => ProceduralMemory.Checksum.Crc32C(data);

    /// <inheritdoc />
    public string Summary(byte[] data) => $"{data.Length / 4} actions";

    /// <inheritdoc />
    public (string Field, string Value) Describe(byte[] data, LibraryManifest manifest) =>
        ("Actions", string.Join(", ", Actions(data).Select(a => manifest.ActionNames[a])));

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest)
    {
        json.WriteStartArray("actions");
        foreach (int action in Actions(data))
            json.WriteStringValue(manifest.ActionNames[action]);
        json.WriteEndArray();
    }

    /// <inheritdoc />
    public byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest)
    {
        var node = new LibraryJson.Node(policy, path);
        var actions = node["actions"].Items().Select(a => a.Action(manifest)).ToList();
        return actions.Count > 0 ? EncodeActions(actions) : throw node["actions"].Invalid("is empty");
    }

    /// <summary>The action indices in <paramref name="data"/>.</summary>
    public static int[] Actions(byte[] data)
    {
        var actions = new int[data.Length / 4];
        for (int i = 0; i < actions.Length; i++)
            actions[i] = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4 * i));
        return actions;
    }

    private static byte[] EncodeActions(IReadOnlyList<int> actions)
    {
        var data = new byte[4 * actions.Count];
        for (int i = 0; i < actions.Count; i++)
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4 * i), actions[i]);
        return data;
    }
}
