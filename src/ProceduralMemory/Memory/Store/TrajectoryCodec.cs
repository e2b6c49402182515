using System.Buffers.Binary;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The binary form of a trajectory (a demonstration or an episode), shared by every store. Little-endian: the magic
/// <c>PTRJ</c>, a <c>u16</c> <see cref="FormatVersion"/>, a <c>u16</c> feature count, a <c>u32</c> step count, then per
/// step the pose (<c>i32</c> x, <c>i32</c> y, <c>u8</c> direction), <c>u64</c> facts, <c>i32</c> action,
/// <c>f64</c> reward, <c>u64</c> facts after, and the <c>f32</c> features.
/// </summary>
public static class TrajectoryCodec
{
    /// <summary>Version of the binary form.</summary>
    public const ushort FormatVersion = 1;

    private const uint Magic = 0x4A525450; // "PTRJ" read as a little-endian u32
    private const int HeaderSize = 12, FixedStepSize = 37;

    /// <summary>Encodes <paramref name="steps"/>; every step must have the same number of features.</summary>
    public static byte[] Encode(IReadOnlyList<AgentStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        int features = steps.Count == 0 ? 0 : steps[0].Features.Length;
        if (features > ushort.MaxValue || steps.Any(s => s.Features.Length != features))
            throw new ArgumentException("Every step of a trajectory needs the same number of features (at most 65535).", nameof(steps));
        var bytes = new byte[HeaderSize + steps.Count * (FixedStepSize + 4 * features)];
        Span<byte> span = bytes;
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)features);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], steps.Count);
        int at = HeaderSize;
        foreach (AgentStep step in steps)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], step.Pose.X);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 4)..], step.Pose.Y);
            span[at + 8] = (byte)step.Pose.Direction;
            BinaryPrimitives.WriteUInt64LittleEndian(span[(at + 9)..], step.Facts);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 17)..], step.Action);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(at + 21)..], step.Reward);
            BinaryPrimitives.WriteUInt64LittleEndian(span[(at + 29)..], step.NextFacts);
            at += FixedStepSize;
            foreach (float value in step.Features)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[at..], value);
                at += 4;
            }
        }
        return bytes;
    }

    /// <summary>Decodes the form <see cref="Encode"/> writes, checking lengths, directions and that every number is finite.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid trajectory.</exception>
    public static IReadOnlyList<AgentStep> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
            throw Invalid("missing the PTRJ header");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version != FormatVersion)
            throw Invalid($"format version {version}, this build reads version {FormatVersion}");
        int features = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        long expected = HeaderSize + (long)count * (FixedStepSize + 4 * features);
        if (count < 0 || bytes.Length != expected)
            throw Invalid($"{count} steps of {features} features need {expected} bytes, got {bytes.Length}");
        var steps = new AgentStep[count];
        int at = HeaderSize;
        for (int i = 0; i < count; i++)
        {
            int direction = bytes[at + 8];
            double reward = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(at + 21)..]);
            int action = BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 17)..]);
            if (direction > 3 || action < 0 || !double.IsFinite(reward))
                throw Invalid($"step {i} has direction {direction}, action {action}, reward {reward}");
            var pose = new AgentPose(BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 4)..]), direction);
            ulong facts = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(at + 9)..]);
            ulong next = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(at + 29)..]);
            at += FixedStepSize;
            var values = new float[features];
            for (int f = 0; f < features; f++, at += 4)
                if (!float.IsFinite(values[f] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..])))
                    throw Invalid($"step {i} has feature {f} = {values[f]}");
            steps[i] = new AgentStep(pose, facts, values, action, reward, next);
        }
        return steps;
    }

    /// <summary>Decodes a trajectory a store kept; damaged bytes are reported as a one-line library error.</summary>
    /// <param name="bytes">The stored bytes.</param>
    /// <param name="what">The trajectory and where it is kept, such as <c>episode 7 in /data/procmem.db</c>.</param>
    /// <exception cref="LibraryException">The bytes are not a valid trajectory.</exception>
    public static IReadOnlyList<AgentStep> DecodeStored(ReadOnlySpan<byte> bytes, string what)
    {
        try
        {
            return Decode(bytes);
        }
        catch (InvalidDataException e)
        {
            throw new LibraryException($"{what} is damaged: {e.Message}", e);
        }
    }

    private static InvalidDataException Invalid(string reason) => new($"Invalid trajectory: {reason}.");
}
