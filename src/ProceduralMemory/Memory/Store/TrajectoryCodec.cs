using System.Buffers.Binary;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// The binary form of a trajectory (a demonstration or an episode), shared by every store. Little-endian: the magic
/// <c>PTRJ</c>, a <c>u16</c> <see cref="FormatVersion"/>, a <c>u16</c> feature count, a <c>u32</c> step count, then per
/// step the <c>i64</c> state key, <c>u64</c> facts, <c>i32</c> action, <c>f64</c> reward, <c>u64</c> facts after,
/// and the <c>f32</c> features.
/// </summary>
/// <remarks>
/// Version 1 stored a grid pose (<c>i32</c> x, <c>i32</c> y, <c>u8</c> direction) where version 2 stores the state
/// key; it is still read, its pose becoming the key grid perceptions give that pose (<see cref="AgentPose.Key"/>
/// with the step's facts), so libraries written before version 2 cut loops and count visits as they did.
/// </remarks>
public static class TrajectoryCodec
{
    /// <summary>Version of the binary form.</summary>
    public const ushort FormatVersion = 2;

    private const ushort PoseVersion = 1;
    private const uint Magic = 0x4A525450; // "PTRJ" read as a little-endian u32
    private const int HeaderSize = 12, FixedStepSize = 36, PoseStepSize = 37;

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
            BinaryPrimitives.WriteInt64LittleEndian(span[at..], step.State);
            BinaryPrimitives.WriteUInt64LittleEndian(span[(at + 8)..], step.Facts);
            BinaryPrimitives.WriteInt32LittleEndian(span[(at + 16)..], step.Action);
            BinaryPrimitives.WriteDoubleLittleEndian(span[(at + 20)..], step.Reward);
            BinaryPrimitives.WriteUInt64LittleEndian(span[(at + 28)..], step.NextFacts);
            at += FixedStepSize;
            foreach (float value in step.Features)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[at..], value);
                at += 4;
            }
        }
        return bytes;
    }

    /// <summary>
    /// Decodes the form <see cref="Encode"/> writes (or version 1's), checking lengths, version 1's directions and
    /// that every number is finite.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a valid trajectory.</exception>
    public static IReadOnlyList<AgentStep> Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
            throw Invalid("missing the PTRJ header");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version is not (FormatVersion or PoseVersion))
            throw Invalid($"format version {version}, this build reads versions {PoseVersion} and {FormatVersion}");
        // Version 1's pose takes one byte more than version 2's state key; every field after it shifts by one.
        int shift = version == PoseVersion ? 1 : 0, stepSize = FixedStepSize + shift;
        int features = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        long expected = HeaderSize + (long)count * (stepSize + 4 * features);
        if (count < 0 || bytes.Length != expected)
            throw Invalid($"{count} steps of {features} features need {expected} bytes, got {bytes.Length}");
        var steps = new AgentStep[count];
        int at = HeaderSize;
        for (int i = 0; i < count; i++)
        {
            ulong facts = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(at + 8 + shift)..]);
            int action = BinaryPrimitives.ReadInt32LittleEndian(bytes[(at + 16 + shift)..]);
            double reward = BinaryPrimitives.ReadDoubleLittleEndian(bytes[(at + 20 + shift)..]);
            ulong next = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(at + 28 + shift)..]);
            if (action < 0 || !double.IsFinite(reward))
                throw Invalid($"step {i} has action {action}, reward {reward}");
            long state = version == PoseVersion ? PoseKey(bytes[at..], facts, i) : BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
            at += stepSize;
            var values = new float[features];
            for (int f = 0; f < features; f++, at += 4)
                if (!float.IsFinite(values[f] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..])))
                    throw Invalid($"step {i} has feature {f} = {values[f]}");
            steps[i] = new AgentStep(state, facts, values, action, reward, next);
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

    /// <summary>The state key of a version 1 step's pose (<c>i32</c> x, <c>i32</c> y, <c>u8</c> direction).</summary>
    private static long PoseKey(ReadOnlySpan<byte> step, ulong facts, int index)
    {
        int direction = step[8];
        if (direction > 3)
            throw Invalid($"step {index} has direction {direction}");
        if (facts >> AgentPose.KeyFactBits != 0)
            throw Invalid($"step {index} has facts beyond the first {AgentPose.KeyFactBits}, which a pose's state key cannot hold");
        return new AgentPose(BinaryPrimitives.ReadInt32LittleEndian(step), BinaryPrimitives.ReadInt32LittleEndian(step[4..]), direction).Key(facts);
    }

    private static InvalidDataException Invalid(string reason) => new($"Invalid trajectory: {reason}.");
}
