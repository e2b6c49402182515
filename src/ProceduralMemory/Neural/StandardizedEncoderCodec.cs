using System.Buffers.Binary;

namespace ProceduralMemory.Neural;

/// <summary>
/// The bytes a <see cref="StandardizedEncoder"/> is stored as (with a skill library whose keys it makes), read back
/// bit for bit: the read encoder has the same <see cref="StandardizedEncoder.Fingerprint"/> and gives the same keys.
/// </summary>
/// <remarks>
/// Little-endian: the magic <c>PSEN</c>; a <c>u16</c> <see cref="FormatVersion"/>; the options (latent size, hidden
/// size as <c>i32</c>, β as <c>f32</c>, epochs, batch size as <c>i32</c>, learning rate as <c>f32</c>, seed as
/// <c>u64</c>; from version 2 the separation weight as <c>f32</c>); the input size (<c>i32</c>); the standardizer's means and spreads (<c>f32</c> each); the encoder's
/// and the decoder's <see cref="MlpWeights"/> bytes, each after its <c>i32</c> length; and a <c>u32</c>
/// <see cref="Checksum.Crc32C"/> of every byte before it, so that a damaged model is refused rather than keying with
/// slightly different weights. Version 1 (before the separation weight) is still read, as a weight of 0.
/// </remarks>
public static class StandardizedEncoderCodec
{
    /// <summary>Version of the form written and read.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>The first version read: it stored no separation weight.</summary>
    private const ushort FirstVersion = 1;

    private const uint Magic = 0x4E455350; // "PSEN" read as a little-endian u32
    private const int HeaderSize = 6, FirstOptionsSize = 32, OptionsSize = 36, ChecksumSize = 4;

    /// <summary>The bytes of <paramref name="encoder"/>.</summary>
    public static byte[] Encode(StandardizedEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        VariationalEncoderOptions options = encoder.Encoder.Options;
        byte[] encoding = encoder.Encoder.Encoder.ToBytes(), decoding = encoder.Encoder.Decoder.ToBytes();
        int inputs = encoder.InputSize;
        var bytes = new byte[HeaderSize + OptionsSize + 4 + 8 * inputs + 4 + encoding.Length + 4 + decoding.Length + ChecksumSize];
        var writer = new Writer(bytes);
        writer.UInt32(Magic);
        writer.UInt16(FormatVersion);
        writer.Int32(options.LatentSize);
        writer.Int32(options.HiddenSize);
        writer.Single(options.Beta);
        writer.Int32(options.Epochs);
        writer.Int32(options.BatchSize);
        writer.Single(options.LearningRate);
        writer.UInt64(options.Seed);
        writer.Single(options.Separation);
        writer.Int32(inputs);
        foreach (float mean in encoder.Standardizer.Mean)
            writer.Single(mean);
        foreach (float spread in encoder.Standardizer.Spread)
            writer.Single(spread);
        writer.Blob(encoding);
        writer.Blob(decoding);
        writer.UInt32(Checksum.Crc32C(bytes.AsSpan(0, writer.At)));
        return writer.At == bytes.Length ? bytes : throw new InvalidOperationException($"wrote {writer.At} of {bytes.Length} bytes");
    }

    /// <summary>The encoder <paramref name="bytes"/> hold.</summary>
    /// <exception cref="InvalidDataException">The bytes are truncated, damaged, of another version, or describe an inconsistent encoder.</exception>
    public static StandardizedEncoder Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize + FirstOptionsSize + 4 + ChecksumSize)
            throw Invalid($"{bytes.Length} bytes is too short; truncated?");
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
            throw Invalid("missing the PSEN magic; not an encoder");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version is < FirstVersion or > FormatVersion)
            throw Invalid($"format version {version}, this build reads versions {FirstVersion} to {FormatVersion}");
        int payloadEnd = bytes.Length - ChecksumSize;
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[payloadEnd..]) != Checksum.Crc32C(bytes[..payloadEnd]))
            throw Invalid("checksum mismatch; the bytes are damaged");
        try
        {
            var reader = new Reader(bytes[..payloadEnd], HeaderSize);
            var options = new VariationalEncoderOptions
            {
                LatentSize = reader.Int32(), HiddenSize = reader.Int32(), Beta = reader.Single(), Epochs = reader.Int32(),
                BatchSize = reader.Int32(), LearningRate = reader.Single(), Seed = reader.UInt64(),
            };
            if (version >= 2)
                options = options with { Separation = reader.Single() };
            int inputs = reader.Int32();
            if (inputs <= 0 || 8L * inputs > payloadEnd)
                throw Invalid($"an input size of {inputs} does not fit {bytes.Length} bytes");
            var mean = new float[inputs];
            var spread = new float[inputs];
            for (int i = 0; i < inputs; i++)
                mean[i] = reader.Single();
            for (int i = 0; i < inputs; i++)
                spread[i] = reader.Single();
            MlpWeights encoding = MlpWeights.FromBytes(reader.Blob()), decoding = MlpWeights.FromBytes(reader.Blob());
            if (!reader.AtEnd)
                throw Invalid("bytes left over after the decoder; damaged?");
            // Checked before the networks are built, so that a forged size cannot allocate a huge network.
            if (!encoding.LayerSizes.SequenceEqual([inputs, options.HiddenSize, 2 * options.LatentSize])
                || !decoding.LayerSizes.SequenceEqual([options.LatentSize, options.HiddenSize, inputs]))
                throw Invalid($"networks of shapes [{string.Join(", ", encoding.LayerSizes.ToArray())}] and [{string.Join(", ", decoding.LayerSizes.ToArray())}] do not fit {inputs} inputs, width {options.HiddenSize} and {options.LatentSize} latents");
            var encoder = new VariationalEncoder(inputs, options);
            encoder.Encoder.LoadWeights(encoding);
            encoder.Decoder.LoadWeights(decoding);
            return new StandardizedEncoder(encoder, InputStandardizer.FromStatistics(mean, spread));
        }
        catch (ArgumentException e)
        {
            throw Invalid(e.Message, e);
        }
    }

    private static InvalidDataException Invalid(string reason, Exception? inner = null) => new($"Invalid situation encoder: {reason}.", inner);

    private ref struct Writer(Span<byte> bytes)
    {
        private readonly Span<byte> _bytes = bytes;

        public int At { get; private set; }

        public void UInt16(ushort value) => Advance(2, BinaryPrimitives.TryWriteUInt16LittleEndian(_bytes[At..], value));

        public void UInt32(uint value) => Advance(4, BinaryPrimitives.TryWriteUInt32LittleEndian(_bytes[At..], value));

        public void Int32(int value) => Advance(4, BinaryPrimitives.TryWriteInt32LittleEndian(_bytes[At..], value));

        public void UInt64(ulong value) => Advance(8, BinaryPrimitives.TryWriteUInt64LittleEndian(_bytes[At..], value));

        public void Single(float value) => Advance(4, BinaryPrimitives.TryWriteSingleLittleEndian(_bytes[At..], value));

        public void Blob(byte[] blob)
        {
            Int32(blob.Length);
            blob.CopyTo(_bytes[At..]);
            At += blob.Length;
        }

        private void Advance(int size, bool written) => At += written ? size : throw new InvalidOperationException("the buffer is too short");
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes, int at)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at = at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        public ReadOnlySpan<byte> Blob()
        {
            int length = Int32();
            return length >= 0 ? Take(length) : throw Invalid($"a network of {length} bytes");
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _bytes.Length - _at)
                throw Invalid("the bytes end early; truncated?");
            ReadOnlySpan<byte> taken = _bytes.Slice(_at, count);
            _at += count;
            return taken;
        }
    }
}
