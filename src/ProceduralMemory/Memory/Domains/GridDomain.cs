using System.Buffers.Binary;
using System.Globalization;
using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory.Domains;

/// <summary>
/// The built-in domain of grid worlds (the toy grid and MiniGrid): an observation is the perceived feature vector,
/// an action a discrete index, an outcome the agent's move in its own frame with the facts it flipped. Two skills are
/// the same skill when they have the same preconditions and effect, whatever their policies.
/// </summary>
public sealed class GridDomain : IDomain<float[], int, ActionOutcome>
{
    private GridDomain() { }

    /// <summary>The one instance.</summary>
    public static GridDomain Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "grid";

    /// <inheritdoc />
    public IPayloadCodec<float[]> Observations { get; } = new FeatureCodec();

    /// <inheritdoc />
    public IPayloadCodec<int> Actions { get; } = new ActionIndexCodec();

    /// <inheritdoc />
    public IPayloadCodec<ActionOutcome> Outcomes { get; } = new MoveCodec();

    /// <inheritdoc />
    public string IdentityOf(FactCondition preconditions, FactCondition effect, string policyKind, ReadOnlySpan<byte> policy) =>
        string.Create(CultureInfo.InvariantCulture,
            $"pre {preconditions.Mask:x16}/{preconditions.Values:x16} eff {effect.Mask:x16}/{effect.Values:x16}");

    /// <summary>Features as 4-byte little-endian floats.</summary>
    private sealed class FeatureCodec : IPayloadCodec<float[]>
    {
        public byte[] Encode(float[] value)
        {
            var data = new byte[4 * value.Length];
            for (int i = 0; i < value.Length; i++)
                BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), value[i]);
            return data;
        }

        public float[] Decode(ReadOnlySpan<byte> data)
        {
            if (data.Length % 4 != 0)
                throw new InvalidDataException($"Features need a multiple of 4 bytes, got {data.Length}.");
            var value = new float[data.Length / 4];
            for (int i = 0; i < value.Length; i++)
                value[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(4 * i)..]);
            return value;
        }
    }

    /// <summary>An action index as a 4-byte little-endian integer.</summary>
    private sealed class ActionIndexCodec : IPayloadCodec<int>
    {
        public byte[] Encode(int value)
        {
            var data = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(data, value);
            return data;
        }

        public int Decode(ReadOnlySpan<byte> data) => data.Length == 4 && BinaryPrimitives.ReadInt32LittleEndian(data) is >= 0 and var index
            ? index
            : throw new InvalidDataException($"An action index needs 4 bytes holding a non-negative number, got {data.Length} bytes.");
    }

    /// <summary>A move as forward, right and turns (4 bytes each) and the flipped facts (8 bytes), little-endian.</summary>
    private sealed class MoveCodec : IPayloadCodec<ActionOutcome>
    {
        public byte[] Encode(ActionOutcome value)
        {
            var data = new byte[20];
            BinaryPrimitives.WriteInt32LittleEndian(data, value.Forward);
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), value.Right);
            BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), value.Turns);
            BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(12), value.FlippedFacts);
            return data;
        }

        public ActionOutcome Decode(ReadOnlySpan<byte> data) => data.Length == 20
            ? new ActionOutcome(BinaryPrimitives.ReadInt32LittleEndian(data), BinaryPrimitives.ReadInt32LittleEndian(data[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(data[8..]), BinaryPrimitives.ReadUInt64LittleEndian(data[12..]))
            : throw new InvalidDataException($"A grid outcome needs 20 bytes, got {data.Length}.");
    }
}
