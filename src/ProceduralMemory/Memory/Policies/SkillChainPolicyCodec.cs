using System.Text;
using System.Text.Json;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Memory.Policies;

/// <summary>Stores a <see cref="SkillChainPolicy"/> as its children's names in UTF-8, one a line; in JSON, as an array of names.</summary>
public sealed class SkillChainPolicyCodec : IPolicyCodec
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc />
    public string Kind => SkillChainPolicy.KindName;

    /// <inheritdoc />
    public byte[] Encode(ISkillPolicy policy) => policy is SkillChainPolicy chain
        ? Strict.GetBytes(string.Join('\n', chain.Children))
        : throw new ArgumentException($"A policy of kind '{policy.Kind}' is not a skill chain.", nameof(policy));

    /// <inheritdoc />
    public ISkillPolicy Decode(byte[] data) => new SkillChainPolicy(Children(data));

    /// <inheritdoc />
    public string Check(byte[] data)
    {
        string[] children;
        try
        {
            children = Children(data);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("A skill chain's children must be UTF-8 names.");
        }
        if (children.Length < 2 || children.Any(string.IsNullOrWhiteSpace))
            throw new InvalidDataException($"A skill chain needs at least two non-blank child names, got {children.Length}.");
        return $"{children.Length}";
    }

    /// <inheritdoc />
    public uint Checksum(ReadOnlySpan<byte> data) => ProceduralMemory.Checksum.Crc32C(data);

    /// <inheritdoc />
    public string Summary(byte[] data) => $"{Children(data).Length} skills";

    /// <inheritdoc />
    public (string Field, string Value) Describe(byte[] data, LibraryManifest manifest) => ("Children", string.Join(", ", Children(data)));

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest)
    {
        json.WriteStartArray("children");
        foreach (string child in Children(data))
            json.WriteStringValue(child);
        json.WriteEndArray();
    }

    /// <inheritdoc />
    public byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest)
    {
        var node = new LibraryJson.Node(policy, path);
        var children = node["children"].Items().Select(c => c.String()).ToList();
        if (children.Count < 2 || children.Any(c => string.IsNullOrWhiteSpace(c) || c.Contains('\n')))
            throw node["children"].Invalid("must name at least two skills, each a non-blank name on one line");
        return Strict.GetBytes(string.Join('\n', children));
    }

    private static string[] Children(byte[] data) => Strict.GetString(data).Split('\n');
}
