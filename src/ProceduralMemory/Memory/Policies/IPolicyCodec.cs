using System.Text.Json;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Memory.Policies;

/// <summary>
/// Everything the library needs to know about one policy kind: how a live policy becomes bytes and back, how its
/// bytes are checked and checksummed, and how they read in a JSON export. Stores and exports look the codec up by
/// the kind name (<see cref="PolicyKinds"/>), so a new kind is one registered codec and no store change.
/// </summary>
public interface IPolicyCodec
{
    /// <summary>The kind's stored name (<see cref="ISkillPolicy.Kind"/> of the policies it encodes).</summary>
    string Kind { get; }

    /// <summary>The bytes of <paramref name="policy"/>, a policy of this kind.</summary>
    /// <exception cref="ArgumentException">The policy is not one this codec encodes.</exception>
    byte[] Encode(ISkillPolicy policy);

    /// <summary>A live policy from bytes that <see cref="Check"/> accepted.</summary>
    ISkillPolicy Decode(byte[] data);

    /// <summary>Checks <paramref name="data"/> completely and returns its human-readable shape (e.g. <c>71x64x7</c>).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid policy of this kind.</exception>
    string Check(byte[] data);

    /// <summary>The checksum stored beside the bytes (see <see cref="PolicyChecksum"/>).</summary>
    uint Checksum(ReadOnlySpan<byte> data);

    /// <summary>A short summary for listings, such as <c>5 actions</c>.</summary>
    string Summary(byte[] data);

    /// <summary>A field name and value describing the policy in full for <c>skills show</c>.</summary>
    (string Field, string Value) Describe(byte[] data, LibraryManifest manifest);

    /// <summary>Writes the policy's members (after <c>kind</c>) into the open JSON object of an export.</summary>
    void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest);

    /// <summary>The bytes of the policy written as the JSON object <paramref name="policy"/>, found at <paramref name="path"/>.</summary>
    /// <exception cref="LibraryException">The object is not a valid policy of this kind; the message names the JSON path.</exception>
    byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest);
}
