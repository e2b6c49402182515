using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Memory.Domains;

/// <summary>
/// The built-in domain of grid worlds (the toy grid and MiniGrid): an observation is the perceived feature vector,
/// an action a discrete index, an outcome an action with the agent's move in its own frame and the facts it flipped.
/// Two skills are the same skill when they have the same preconditions and effect, whatever their policies.
/// </summary>
public sealed class GridDomain : IDomain<float[], int, GridOutcome>
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
    public IPayloadCodec<GridOutcome> Outcomes { get; } = new MoveCodec();

    /// <summary>The semantic-memory count of <paramref name="action"/> doing <paramref name="outcome"/> in <paramref name="context"/>.</summary>
    public OutcomeCount CountOf(int context, int action, ActionOutcome outcome, long count) =>
        new(context, Outcomes.Encode(new GridOutcome(action, outcome)), count);

    /// <summary>The action and outcome a stored count is of.</summary>
    /// <exception cref="InvalidDataException">The payload is not a grid outcome.</exception>
    public GridOutcome OutcomeOf(OutcomeCount count) => Outcomes.Decode(count.Payload);

    /// <inheritdoc />
    /// <remarks>
    /// A skill chain (<see cref="SkillChainPolicy"/>) is also its children: it may share its preconditions and effect
    /// with a skill learned from one segment, and with another chain taking another way there.
    /// </remarks>
    public string IdentityOf(FactCondition preconditions, FactCondition effect, string policyKind, ReadOnlySpan<byte> policy) =>
        policyKind == SkillChainPolicy.KindName
            ? string.Create(CultureInfo.InvariantCulture,
                $"pre {preconditions.Mask:x16}/{preconditions.Values:x16} eff {effect.Mask:x16}/{effect.Values:x16} chain {Encoding.UTF8.GetString(policy)}")
            : string.Create(CultureInfo.InvariantCulture,
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

    /// <summary>
    /// An action and its move as action, forward, right and turns (4 bytes each) and the flipped facts (8 bytes),
    /// big-endian: the form the schema-3 migration builds from the older columns with SQL alone.
    /// </summary>
    private sealed class MoveCodec : IPayloadCodec<GridOutcome>
    {
        public byte[] Encode(GridOutcome value)
        {
            var data = new byte[24];
            BinaryPrimitives.WriteInt32BigEndian(data, value.Action);
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4), value.Move.Forward);
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), value.Move.Right);
            BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(12), value.Move.Turns);
            BinaryPrimitives.WriteUInt64BigEndian(data.AsSpan(16), value.Move.FlippedFacts);
            return data;
        }

        public GridOutcome Decode(ReadOnlySpan<byte> data) => data.Length == 24
            ? new GridOutcome(BinaryPrimitives.ReadInt32BigEndian(data), new ActionOutcome(BinaryPrimitives.ReadInt32BigEndian(data[4..]),
                BinaryPrimitives.ReadInt32BigEndian(data[8..]), BinaryPrimitives.ReadInt32BigEndian(data[12..]), BinaryPrimitives.ReadUInt64BigEndian(data[16..])))
            : throw new InvalidDataException($"A grid outcome needs 24 bytes, got {data.Length}.");
    }
}
