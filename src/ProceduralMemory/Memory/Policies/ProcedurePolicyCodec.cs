using System.Text.Json;
using System.Text.Json.Serialization;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Memory.Policies;

/// <summary>
/// Stores a <see cref="ProcedurePolicy"/> as the UTF-8 JSON of its whole <see cref="Procedure"/> (purpose, slots,
/// steps with their value sources, demonstrations), member names in snake case; in an export, the same object as the
/// policy's <c>procedure</c> member, so a library file reads as the procedures it holds. Reading checks that the
/// procedure is well formed (<see cref="Validate"/>): it is data, never run as code.
/// </summary>
public sealed partial class ProcedurePolicyCodec : IPolicyCodec
{
    /// <summary>
    /// How procedures are written and read: snake-case members; on reading, every constructor member required, no null
    /// where the types say none, no member that the types do not know, and the <c>from</c> of a value source anywhere
    /// in its object (a hand-written import need not put it first).
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        // Shared by every store and export: nobody may change how procedures are written after the fact.
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <inheritdoc />
    public string Kind => ProcedurePolicy.KindName;

    /// <inheritdoc />
    public byte[] Encode(ISkillPolicy policy) => policy is ProcedurePolicy procedure
        ? ToBytes(procedure.Procedure)
        : throw new ArgumentException($"A policy of kind '{policy?.Kind}' is not a procedure policy.", nameof(policy));

    /// <summary>The stored form of a skill that runs <paramref name="procedure"/>.</summary>
    /// <exception cref="InvalidDataException">The procedure is not well formed.</exception>
    public static StoredPolicy Store(Procedure procedure) => StoredPolicy.Read(ProcedurePolicy.KindName, ToBytes(procedure));

    /// <summary>The bytes of <paramref name="procedure"/> (equal procedures give equal bytes).</summary>
    public static byte[] ToBytes(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return JsonSerializer.SerializeToUtf8Bytes(procedure, JsonOptions);
    }

    /// <summary>The procedure stored as <paramref name="data"/>, checked with <see cref="Validate"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not the JSON of a well-formed procedure.</exception>
    public static Procedure FromBytes(ReadOnlySpan<byte> data)
    {
        Procedure? procedure;
        try
        {
            procedure = JsonSerializer.Deserialize<Procedure>(data, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not the JSON of a procedure: {e.Message}", e);
        }
        if (procedure is null)
            throw new InvalidDataException("not the JSON of a procedure: it is null");
        Validate(procedure);
        return procedure;
    }

    /// <inheritdoc />
    public ISkillPolicy Decode(byte[] data) => new ProcedurePolicy(FromBytes(data));

    /// <inheritdoc />
    /// <returns>The number of steps and slots, such as <c>3 steps, 4 slots</c>.</returns>
    public string Check(byte[] data)
    {
        Procedure procedure = FromBytes(data);
        return $"{procedure.Steps.Count} step{(procedure.Steps.Count == 1 ? "" : "s")}, {procedure.Slots.Count} slot{(procedure.Slots.Count == 1 ? "" : "s")}";
    }

    /// <inheritdoc />
    /// <remarks>The CRC-32C of the bytes, as for open-loop policies.</remarks>
    public uint Checksum(ReadOnlySpan<byte> data) => ProceduralMemory.Checksum.Crc32C(data);

    /// <inheritdoc />
    /// <returns>The tool chain, such as <c>find_user_id_by_name_zip → get_order_details → return_delivered_order_items</c>.</returns>
    public string Summary(byte[] data) => ToolChain(FromBytes(data));

    /// <summary>The tools of <paramref name="procedure"/>'s steps in order, joined by arrows.</summary>
    public static string ToolChain(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return string.Join(" → ", procedure.Steps.Select(s => s.Tool));
    }

    /// <inheritdoc />
    public (string Field, string Value) Describe(byte[] data, LibraryManifest manifest) => ("Procedure", Describe(FromBytes(data)));

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WritePropertyName("procedure");
        JsonSerializer.Serialize(json, FromBytes(data), JsonOptions);
    }

    /// <inheritdoc />
    public byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        string at = path + ".procedure";
        if (policy.ValueKind != JsonValueKind.Object || !policy.TryGetProperty("procedure", out JsonElement element))
            throw new LibraryException($"{at} is missing");
        if (element.ValueKind != JsonValueKind.Object)
            throw new LibraryException($"{at} must be an object");
        Procedure? procedure;
        try
        {
            procedure = element.Deserialize<Procedure>(JsonOptions);
        }
        catch (JsonException e)
        {
            throw new LibraryException($"{at} is not a valid procedure: {e.Message}", e);
        }
        if (procedure is null)
            throw new LibraryException($"{at} must be an object");
        try
        {
            Validate(procedure);
        }
        catch (InvalidDataException e)
        {
            throw new LibraryException($"{at} is not a valid procedure: {e.Message}", e);
        }
        for (int i = 0; i < procedure.Steps.Count; i++)
            if (manifest.ActionNames.Count > 0 && !manifest.ActionNames.Contains(procedure.Steps[i].Tool))
                throw new LibraryException($"{at}.steps[{i}].tool is the unknown tool '{procedure.Steps[i].Tool}' (the library's: {string.Join(", ", manifest.ActionNames)})");
        return ToBytes(procedure);
    }
}
