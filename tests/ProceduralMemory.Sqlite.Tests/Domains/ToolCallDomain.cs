using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Sqlite.Tests.Domains;

/// <summary>A tool call: the tool's name and its arguments as a JSON object.</summary>
public sealed record ToolCall(string Tool, string ArgumentsJson);

/// <summary>What semantic memory counts for a tool call: whether it succeeded.</summary>
public readonly record struct ToolOutcome(bool Succeeded);

/// <summary>
/// A domain the core was not written for, defined here to show it needs nothing of grids: an observation is text, an
/// action a tool call with JSON arguments, an outcome success or failure. Two skills are the same skill when they have
/// the same preconditions, effect and sequence of tools, so different procedures for one effect coexist.
/// </summary>
public sealed class ToolCallDomain : IDomain<string, ToolCall, ToolOutcome>
{
    public static ToolCallDomain Instance { get; } = new();

    public string Name => "tool-call";

    public IPayloadCodec<string> Observations { get; } = new TextCodec();

    public IPayloadCodec<ToolCall> Actions { get; } = new ToolCallCodec();

    public IPayloadCodec<ToolOutcome> Outcomes { get; } = new OutcomeCodec();

    public string IdentityOf(FactCondition preconditions, FactCondition effect, string policyKind, ReadOnlySpan<byte> policy)
    {
        string tools = policyKind == ToolScriptPolicy.KindName
            ? string.Join(",", ToolScriptCodec.Calls(policy).Select(c => c.Tool))
            : policyKind;
        return $"pre {preconditions.Mask:x}/{preconditions.Values:x} eff {effect.Mask:x}/{effect.Values:x} via {tools}";
    }

    private sealed class TextCodec : IPayloadCodec<string>
    {
        public byte[] Encode(string value) => Encoding.UTF8.GetBytes(value);
        public string Decode(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data);
    }

    /// <summary>A call as compact JSON, <c>{"tool":...,"arguments":{...}}</c>, so equal calls give equal bytes.</summary>
    private sealed class ToolCallCodec : IPayloadCodec<ToolCall>
    {
        public byte[] Encode(ToolCall value) => Encoding.UTF8.GetBytes(new JsonObject
        {
            ["tool"] = value.Tool,
            ["arguments"] = JsonNode.Parse(value.ArgumentsJson),
        }.ToJsonString());

        public ToolCall Decode(ReadOnlySpan<byte> data)
        {
            JsonNode call = JsonNode.Parse(data) ?? throw new InvalidDataException("a tool call is null");
            return new ToolCall(call["tool"]!.GetValue<string>(), call["arguments"]!.ToJsonString());
        }
    }

    private sealed class OutcomeCodec : IPayloadCodec<ToolOutcome>
    {
        public byte[] Encode(ToolOutcome value) => [value.Succeeded ? (byte)1 : (byte)0];
        public ToolOutcome Decode(ReadOnlySpan<byte> data) => data.Length == 1 ? new ToolOutcome(data[0] == 1) : throw new InvalidDataException("one byte expected");
    }
}

/// <summary>
/// A skill of the tool-call domain: a fixed script of calls. <see cref="ISkillPolicy.ChooseAction"/> still returns an
/// index (the core's policy interface is index-based), here the index of the next call in <see cref="Calls"/>.
/// </summary>
public sealed class ToolScriptPolicy(IReadOnlyList<ToolCall> calls) : ISkillPolicy
{
    public const string KindName = "tool-script";

    public string Kind => KindName;

    public IReadOnlyList<ToolCall> Calls { get; } = calls;

    public int? ChooseAction(Observation observation, int step) => step < Calls.Count ? step : null;
}

/// <summary>Stores a <see cref="ToolScriptPolicy"/> as its calls, each length-prefixed in the domain's action encoding.</summary>
public sealed class ToolScriptCodec : IPolicyCodec
{
    private static IPayloadCodec<ToolCall> CallCodec => ToolCallDomain.Instance.Actions;

    public string Kind => ToolScriptPolicy.KindName;

    public byte[] Encode(ISkillPolicy policy)
    {
        using var bytes = new MemoryStream();
        Span<byte> length = stackalloc byte[4];
        foreach (ToolCall call in ((ToolScriptPolicy)policy).Calls)
        {
            byte[] encoded = CallCodec.Encode(call);
            BinaryPrimitives.WriteInt32LittleEndian(length, encoded.Length);
            bytes.Write(length);
            bytes.Write(encoded);
        }
        return bytes.ToArray();
    }

    public static List<ToolCall> Calls(ReadOnlySpan<byte> data)
    {
        var calls = new List<ToolCall>();
        while (data.Length > 0)
        {
            int length = data.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(data) : -1;
            if (length < 0 || length > data.Length - 4)
                throw new InvalidDataException("a tool script is cut short");
            calls.Add(CallCodec.Decode(data.Slice(4, length)));
            data = data[(4 + length)..];
        }
        return calls;
    }

    public ISkillPolicy Decode(byte[] data) => new ToolScriptPolicy(Calls(data));

    public string Check(byte[] data) => Calls(data) is { Count: > 0 } calls ? $"{calls.Count}" : throw new InvalidDataException("a tool script needs a call");

    public uint Checksum(ReadOnlySpan<byte> data) => ProceduralMemory.Checksum.Crc32C(data);

    public string Summary(byte[] data) => $"{Calls(data).Count} tool calls";

    public (string Field, string Value) Describe(byte[] data, LibraryManifest manifest) => ("Calls", string.Join("; ", Calls(data).Select(c => $"{c.Tool} {c.ArgumentsJson}")));

    public void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest)
    {
        json.WriteStartArray("calls");
        foreach (ToolCall call in Calls(data))
            json.WriteRawValue(CallCodec.Encode(call));
        json.WriteEndArray();
    }

    public byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest) =>
        Encode(new ToolScriptPolicy([.. policy.GetProperty("calls").EnumerateArray().Select(c => CallCodec.Decode(Encoding.UTF8.GetBytes(c.GetRawText())))]));
}
