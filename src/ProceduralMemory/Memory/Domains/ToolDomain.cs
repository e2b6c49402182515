using System.Globalization;
using System.Text;
using System.Text.Json;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Memory.Domains;

/// <summary>
/// The built-in domain of tool-using agents: an observation is text (a task's instruction, a user's message), an action
/// a <see cref="ToolCall"/>, an outcome the <see cref="ToolResult"/> it returned, the last two as compact JSON. Its
/// skills are procedures (<see cref="ProcedurePolicy"/>), and two procedures are one skill when they do the same thing
/// the same way: the same tools in the same order, each argument from the same kind of source (the same slot, the same
/// path of the same earlier result, the same constant), whatever slot shapes, cues and demonstrations they were
/// induced with. Preconditions and effects (no facts) take no part.
/// </summary>
public sealed class ToolDomain : IDomain<string, ToolCall, ToolResult>
{
    private ToolDomain() { }

    /// <summary>The one instance.</summary>
    public static ToolDomain Instance { get; } = new();

    /// <summary>The domain's name, <c>tool</c>.</summary>
    public const string DomainName = "tool";

    /// <inheritdoc />
    public string Name => DomainName;

    /// <inheritdoc />
    public IPayloadCodec<string> Observations { get; } = new TextCodec();

    /// <inheritdoc />
    public IPayloadCodec<ToolCall> Actions { get; } = new CallCodec();

    /// <inheritdoc />
    public IPayloadCodec<ToolResult> Outcomes { get; } = new ResultCodec();

    /// <inheritdoc />
    /// <remarks>A procedure's identity reads <c>procedure tool(param=source, ...) &gt; tool(...)</c>; a policy of another kind is itself (its kind and checksum).</remarks>
    /// <exception cref="InvalidDataException">The policy is a procedure whose bytes are not valid.</exception>
    public string IdentityOf(FactCondition preconditions, FactCondition effect, string policyKind, ReadOnlySpan<byte> policy)
    {
        if (policyKind != ProcedurePolicy.KindName)
            return string.Create(CultureInfo.InvariantCulture, $"{policyKind} {policy.Length} bytes crc {Checksum.Crc32C(policy):x8}");
        return IdentityOf(ProcedurePolicyCodec.FromBytes(policy));
    }

    /// <summary>The identity of <paramref name="procedure"/> under this domain's rule.</summary>
    public static string IdentityOf(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        var slots = procedure.Slots.ToDictionary(s => s.Name, s => s.Kind, StringComparer.Ordinal);
        var identity = new StringBuilder("procedure ");
        for (int i = 0; i < procedure.Steps.Count; i++)
        {
            ProcedureStep step = procedure.Steps[i];
            if (i > 0)
                identity.Append(" > ");
            identity.Append(step.Tool).Append('(');
            identity.AppendJoin(", ", step.Arguments.Select(a => a.Parameter + "=" + SourceOf(a.Source, slots)));
            identity.Append(')');
            if (step.ForEach is { } each)
                identity.Append(" each ").Append(SourceOf(each, slots));
            if (step.ChangesState)
                identity.Append('!');
        }
        return identity.ToString();
    }

    // A slot by its name and kind (not its shapes or cues, which new demonstrations refine); a constant by its compact JSON.
    private static string SourceOf(ValueSource source, IReadOnlyDictionary<string, string> slots) => source switch
    {
        SlotValue slot => "{" + slot.Slot + ":" + slots.GetValueOrDefault(slot.Slot, "?") + "}",
        ConstantValue constant => "const " + Compact(constant.Value),
        AnyOfValue any => "(" + string.Join(" | ", any.Options.Select(o => SourceOf(o, slots))) + ")",
        _ => source.Describe(), // a result or element path says everything about where its value comes from
    };

    private static string Compact(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            value.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Text as UTF-8.</summary>
    private sealed class TextCodec : IPayloadCodec<string>
    {
        private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public byte[] Encode(string value) => Strict.GetBytes(value);

        public string Decode(ReadOnlySpan<byte> data)
        {
            try
            {
                return Strict.GetString(data);
            }
            catch (DecoderFallbackException e)
            {
                throw new InvalidDataException("text is not valid UTF-8", e);
            }
        }
    }

    /// <summary>A call as compact JSON, <c>{"name":...,"arguments":{...}}</c>, so equal calls give equal bytes.</summary>
    private sealed class CallCodec : IPayloadCodec<ToolCall>
    {
        public byte[] Encode(ToolCall value)
        {
            ArgumentNullException.ThrowIfNull(value);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("name", value.Name);
                json.WritePropertyName("arguments");
                value.Arguments.WriteTo(json);
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        public ToolCall Decode(ReadOnlySpan<byte> data)
        {
            try
            {
                using var document = JsonDocument.Parse(data.ToArray());
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out JsonElement name) || name.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("arguments", out JsonElement arguments) || arguments.ValueKind != JsonValueKind.Object)
                    throw new InvalidDataException("a tool call needs a name and an arguments object");
                return new ToolCall(name.GetString()!, arguments.Clone());
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"a tool call is not JSON: {e.Message}", e);
            }
        }
    }

    /// <summary>A result as compact JSON, <c>{"output":...,"is_error":...}</c>.</summary>
    private sealed class ResultCodec : IPayloadCodec<ToolResult>
    {
        public byte[] Encode(ToolResult value)
        {
            ArgumentNullException.ThrowIfNull(value);
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("output", value.Output);
                json.WriteBoolean("is_error", value.IsError);
                json.WriteEndObject();
            }
            return buffer.ToArray();
        }

        public ToolResult Decode(ReadOnlySpan<byte> data)
        {
            try
            {
                using var document = JsonDocument.Parse(data.ToArray());
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("output", out JsonElement output) || output.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("is_error", out JsonElement error) || error.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    throw new InvalidDataException("a tool result needs an output and is_error");
                return new ToolResult(output.GetString()!, error.GetBoolean());
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"a tool result is not JSON: {e.Message}", e);
            }
        }
    }
}
