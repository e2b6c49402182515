using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ProceduralMemory.Neural;

/// <summary>
/// A snapshot of an <see cref="Mlp"/>'s shape and parameters, validated on construction, with a compact binary
/// form. Equality is by reference; compare <see cref="ToBytes"/> for content.
/// </summary>
/// <remarks>
/// Binary format, little-endian: the magic <c>PMLP</c>; a <c>u16</c> <see cref="FormatVersion"/>; a <c>u8</c>
/// <see cref="HiddenActivation"/>; a <c>u8</c> count of layer sizes; that many <c>i32</c> sizes; the
/// <c>f32</c> parameters in <see cref="Mlp.Parameters"/> order; and a <c>u32</c> <see cref="Checksum.Crc32C"/> of
/// all bytes before it, so that a flipped bit is reported rather than loaded as a slightly different policy.
/// Version 1 differed only in its checksum, a byte-at-a-time FNV-1a: too slow for a library of 100,000 networks
/// (2 s of 2.8 to load one), so version 2 took CRC-32C, which hardware computes; version 1 is still read.
/// </remarks>
public sealed class MlpWeights
{
    /// <summary>Version of the binary form that <see cref="ToBytes"/> writes and <see cref="FromBytes"/> reads.</summary>
    public const ushort FormatVersion = 2;

    private const ushort FnvFormatVersion = 1;

    private const uint Magic = 0x504C4D50; // "PMLP" read as a little-endian u32
    private const int HeaderSize = 8, ChecksumSize = 4;

    private readonly int[] _layerSizes;
    private readonly float[] _parameters;

    /// <summary>Validates and copies a network's shape and parameters.</summary>
    /// <param name="layerSizes">Input size, hidden widths, output size (at least two entries, all positive).</param>
    /// <param name="activation">Non-linearity after each hidden layer.</param>
    /// <param name="parameters">Exactly <see cref="ParameterCount"/> finite values.</param>
    /// <exception cref="ArgumentException">The sizes, activation or parameters are inconsistent or not finite.</exception>
    public MlpWeights(ReadOnlySpan<int> layerSizes, HiddenActivation activation, ReadOnlySpan<float> parameters)
    {
        if (!Enum.IsDefined(activation))
            throw new ArgumentException($"Unknown activation {(int)activation}.", nameof(activation));
        int expected = ParameterCount(layerSizes);
        if (parameters.Length != expected)
            throw new ArgumentException($"Layer sizes [{string.Join(", ", layerSizes.ToArray())}] need {expected} parameters, got {parameters.Length}.", nameof(parameters));
        int bad = parameters.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad >= 0)
            throw new ArgumentException($"Parameter {bad} is {parameters[bad]}; weights must be finite.", nameof(parameters));
        _layerSizes = layerSizes.ToArray();
        _parameters = parameters.ToArray();
        Activation = activation;
    }

    /// <summary>Input size, hidden widths, output size.</summary>
    public ReadOnlySpan<int> LayerSizes => _layerSizes;

    /// <summary>Non-linearity after each hidden layer.</summary>
    public HiddenActivation Activation { get; }

    /// <summary>All parameters, layer by layer: row-major weights, then biases.</summary>
    public ReadOnlySpan<float> Parameters => _parameters;

    /// <summary>Number of parameters of a network with these layer sizes.</summary>
    /// <exception cref="ArgumentException">Fewer than two sizes, a size that is not positive, or too many parameters.</exception>
    public static int ParameterCount(ReadOnlySpan<int> layerSizes)
    {
        if (layerSizes.Length is < 2 or > byte.MaxValue)
            throw new ArgumentException($"Need an input and an output size and at most {byte.MaxValue} sizes, got {layerSizes.Length}.", nameof(layerSizes));
        long total = 0;
        for (int l = 0; l + 1 < layerSizes.Length; l++)
        {
            if (layerSizes[l] <= 0 || layerSizes[l + 1] <= 0)
                throw new ArgumentException($"Layer sizes must be positive, got [{string.Join(", ", layerSizes.ToArray())}].", nameof(layerSizes));
            total += (long)layerSizes[l] * layerSizes[l + 1] + layerSizes[l + 1];
            if (total > Array.MaxLength)
                throw new ArgumentException("Too many parameters for one network.", nameof(layerSizes));
        }
        return (int)total;
    }

    /// <summary>The binary form described in the remarks.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderSize + 4 * _layerSizes.Length + 4 * _parameters.Length + ChecksumSize];
        Span<byte> span = bytes;
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], FormatVersion);
        span[6] = (byte)Activation;
        span[7] = (byte)_layerSizes.Length;
        int at = HeaderSize;
        foreach (int size in _layerSizes)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], size);
            at += 4;
        }
        foreach (float value in _parameters)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[at..], value);
            at += 4;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], Checksum.Crc32C(span[..at]));
        return bytes;
    }

    /// <summary>Reads the binary form written by <see cref="ToBytes"/>, checking every field.</summary>
    /// <exception cref="InvalidDataException">The bytes are truncated, corrupted, of another format version, or describe an invalid network.</exception>
    public static MlpWeights FromBytes(ReadOnlySpan<byte> bytes)
    {
        int[] sizes = Check(bytes);
        var parameters = new float[ParameterCount(sizes)];
        ReadOnlySpan<byte> payload = bytes[(HeaderSize + 4 * sizes.Length)..^ChecksumSize];
        for (int i = 0; i < parameters.Length; i++)
            parameters[i] = BinaryPrimitives.ReadSingleLittleEndian(payload[(4 * i)..]);
        return new MlpWeights(sizes, (HiddenActivation)bytes[6], parameters);
    }

    /// <summary>
    /// Checks the binary form as <see cref="FromBytes"/> does (header, shape, checksum, activation, finite
    /// parameters) without building the weights, and returns the layer sizes: how a store verifies a network it
    /// only passes along.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not valid weights.</exception>
    public static int[] Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize + ChecksumSize)
            throw Invalid($"{bytes.Length} bytes is shorter than the {HeaderSize + ChecksumSize}-byte minimum; truncated?");
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != Magic)
            throw Invalid("missing the PMLP magic; not network weights");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version is not (FormatVersion or FnvFormatVersion))
            throw Invalid($"format version {version}, this build reads versions {FnvFormatVersion} and {FormatVersion}");
        int sizeCount = bytes[7];
        int sizesEnd = HeaderSize + 4 * sizeCount;
        if (bytes.Length < sizesEnd + ChecksumSize)
            throw Invalid($"{bytes.Length} bytes cannot hold {sizeCount} layer sizes; truncated?");
        var sizes = new int[sizeCount];
        for (int l = 0; l < sizeCount; l++)
            sizes[l] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(HeaderSize + 4 * l)..]);
        int count;
        try
        {
            count = ParameterCount(sizes);
        }
        catch (ArgumentException e)
        {
            throw Invalid(e.Message, e);
        }
        long expectedLength = sizesEnd + 4L * count + ChecksumSize;
        if (bytes.Length != expectedLength)
            throw Invalid($"layer sizes [{string.Join(", ", sizes)}] need {expectedLength} bytes, got {bytes.Length}; truncated or corrupted?");
        int payloadEnd = bytes.Length - ChecksumSize;
        uint expected = version == FormatVersion ? Checksum.Crc32C(bytes[..payloadEnd]) : Fnv1a(bytes[..payloadEnd]);
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[payloadEnd..]) != expected)
            throw Invalid("checksum mismatch; the bytes are corrupted");
        if (!Enum.IsDefined((HiddenActivation)bytes[6]))
            throw Invalid($"unknown activation {bytes[6]}");
        ReadOnlySpan<byte> payload = bytes[sizesEnd..payloadEnd];
        int bad = -1;
        if (BitConverter.IsLittleEndian)
            bad = MemoryMarshal.Cast<byte, float>(payload).IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        else
            for (int i = count - 1; i >= 0; i--)
                bad = float.IsFinite(BinaryPrimitives.ReadSingleLittleEndian(payload[(4 * i)..])) ? bad : i;
        if (bad >= 0)
            throw Invalid($"parameter {bad} is {BinaryPrimitives.ReadSingleLittleEndian(payload[(4 * bad)..])}; weights must be finite");
        return sizes;
    }

    private static InvalidDataException Invalid(string reason, Exception? inner = null) =>
        new($"Invalid network weights: {reason}.", inner);

    /// <summary>32-bit FNV-1a, the checksum of format version 1.</summary>
    private static uint Fnv1a(ReadOnlySpan<byte> data)
    {
        uint hash = 2166136261;
        foreach (byte b in data)
            hash = (hash ^ b) * 16777619;
        return hash;
    }
}
