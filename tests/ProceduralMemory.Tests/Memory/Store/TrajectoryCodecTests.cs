using System.Buffers.Binary;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Tests.Memory.Store;

public class TrajectoryCodecTests
{
    [Fact]
    public void EncodeThenDecode_GivesEveryStepBack_WithAnyStateKey()
    {
        AgentStep[] steps =
        [
            new(long.MinValue, 1UL << 63, [0.5f, -0f], 3, -0.25, 7),
            new(long.MaxValue, 0, [float.Epsilon, 1e30f], 0, 1, ulong.MaxValue),
        ];

        byte[] bytes = TrajectoryCodec.Encode(steps);
        IReadOnlyList<AgentStep> read = TrajectoryCodec.Decode(bytes);

        Assert.Equal(TrajectoryCodec.FormatVersion, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        Assert.Equal(steps.Select(s => s with { Features = [] }), read.Select(s => s with { Features = [] }));
        Assert.Equal(steps.SelectMany(s => s.Features), read.SelectMany(s => s.Features));
    }

    [Fact]
    public void Decode_StillReadsVersion1_ItsPoseBecomingThePosesStateKey()
    {
        // Version 1, as libraries written before state keys hold it: per step i32 x, i32 y, u8 direction, u64 facts,
        // i32 action, f64 reward, u64 facts after, then the f32 features.
        var bytes = new byte[12 + 2 * (37 + 4)];
        Span<byte> span = bytes;
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x4A525450);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], 2);
        (int X, int Y, int Direction, ulong Facts)[] poses = [(-3, 4, 2, 0b101), (7, -1, 3, 1UL << 27)];
        for (int i = 0; i < 2; i++)
        {
            Span<byte> step = span[(12 + i * 41)..];
            BinaryPrimitives.WriteInt32LittleEndian(step, poses[i].X);
            BinaryPrimitives.WriteInt32LittleEndian(step[4..], poses[i].Y);
            step[8] = (byte)poses[i].Direction;
            BinaryPrimitives.WriteUInt64LittleEndian(step[9..], poses[i].Facts);
            BinaryPrimitives.WriteInt32LittleEndian(step[17..], 5 + i);
            BinaryPrimitives.WriteDoubleLittleEndian(step[21..], 0.5 * i);
            BinaryPrimitives.WriteUInt64LittleEndian(step[29..], 99);
            BinaryPrimitives.WriteSingleLittleEndian(step[37..], 1.5f + i);
        }

        IReadOnlyList<AgentStep> read = TrajectoryCodec.Decode(bytes);

        Assert.Equal(
            poses.Select((p, i) => new AgentStep(new AgentPose(p.X, p.Y, p.Direction).Key(p.Facts), p.Facts, [], 5 + i, 0.5 * i, 99)),
            read.Select(s => s with { Features = [] }));
        Assert.Equal([1.5f, 2.5f], read.SelectMany(s => s.Features));

        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(12 + 41 + 9), 1UL << 40); // a fact a pose key has no room for
        Assert.Contains("beyond the first 28", Assert.Throws<InvalidDataException>(() => TrajectoryCodec.Decode(bytes)).Message);
        bytes[12 + 8] = 4; // a direction version 1 never wrote
        Assert.Throws<InvalidDataException>(() => TrajectoryCodec.Decode(bytes));
    }

    [Fact]
    public void Decode_RefusesAVersionItDoesNotKnow()
    {
        byte[] bytes = TrajectoryCodec.Encode([]);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), 3);
        Assert.Contains("format version 3", Assert.Throws<InvalidDataException>(() => TrajectoryCodec.Decode(bytes)).Message);
    }
}
