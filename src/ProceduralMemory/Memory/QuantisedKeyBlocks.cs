using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ProceduralMemory.Memory;

/// <summary>
/// Keys quantised to whole numbers in [-127, 127] times a scale per key, and exact integer dot products of them
/// with a quantised query. Keys are grouped in blocks of <see cref="KeyBlocks.BlockRows"/>, like the float matrix;
/// inside a block, each group of four consecutive dimensions is 64 bytes, the four bytes of key <c>i</c> at
/// <c>4i</c>, so that one 8-bit multiply-add instruction (<c>vpdpbusd</c>) takes four dimensions of 8 keys
/// against four broadcast query bytes. Dimensions past the key's length are zeros. After its codes, each block
/// carries four vectors of 16 numbers, one per key: offsets (see below), scales, error bounds and norms, so that a
/// pass over the keys reads one stream.
/// </summary>
/// <remarks>
/// <c>vpdpbusd</c> multiplies unsigned bytes by signed ones, and only the signed operand can come straight from
/// memory; so keys stay signed (read by the instruction itself) and the query takes the unsigned side as code + 128
/// (<see cref="ToQueryForm"/>), which adds <c>128·Σ key codes</c> (the key's offset, kept beside it) to each sum.
/// Integer sums are exact in any order, so every path (<see cref="ByteDotPath"/>) gives the same numbers.
/// </remarks>
internal static class QuantisedKeyBlocks
{
    private const int BlockRows = KeyBlocks.BlockRows;
    private const int GroupBytes = 4 * BlockRows;
    private const int FactorBytes = 4 * BlockRows * sizeof(float);
    private const int Offsets = 0, Scales = 1, Errors = 2, Norms = 3;

    /// <summary>The largest code magnitude.</summary>
    public const int Levels = 127;

    /// <summary>The longest key quantised: the largest sum, <c>4096·255·127</c>, stays far inside an int.</summary>
    public const int MaxDimension = 4096;

    /// <summary>The fastest path this machine runs.</summary>
    public static ByteDotPath Best => AvxVnni.IsSupported ? ByteDotPath.AvxVnni : Avx2.IsSupported ? ByteDotPath.Avx2 : ByteDotPath.Scalar;

    /// <summary>True when this machine runs <paramref name="path"/>.</summary>
    public static bool IsSupported(ByteDotPath path) => path switch
    {
        ByteDotPath.AvxVnni => AvxVnni.IsSupported,
        ByteDotPath.Avx2 => Avx2.IsSupported,
        _ => true,
    };

    /// <summary><paramref name="dimension"/> rounded up to whole groups of four.</summary>
    public static int PaddedDimension(int dimension) => (dimension + 3) & ~3;

    /// <summary>The bytes of one block: 16 keys' codes, then their offsets, scales, error bounds and norms.</summary>
    public static int BlockBytes(int paddedDimension) => BlockRows * paddedDimension + FactorBytes;

    /// <summary>The bytes that hold <paramref name="rows"/> keys of <paramref name="dimension"/> numbers (whole blocks).</summary>
    public static int Length(int rows, int dimension) =>
        checked((rows + BlockRows - 1) / BlockRows * BlockBytes(PaddedDimension(dimension)));

    /// <summary>
    /// Quantises <paramref name="vector"/> (finite) into <paramref name="codes"/> (padded with zeros): the scale is
    /// <c>max|x| / 127</c> and each code the nearest whole number to <c>x / scale</c>. Returns the scale, and in
    /// <paramref name="error"/> a float no smaller than <c>|x − scale·codes|</c>.
    /// </summary>
    public static float Quantise(ReadOnlySpan<float> vector, Span<sbyte> codes, out float error)
    {
        float largest = 0;
        foreach (float x in vector)
            largest = Math.Max(largest, Math.Abs(x));
        float scale = largest / Levels;
        codes.Clear();
        if (scale == 0)
        {
            error = 0;
            return 0;
        }
        // The residual in double: scale·code is exact there (24 + 7 bits), so the sum is far more accurate
        // than the float step up at the end needs.
        double squares = 0;
        for (int i = 0; i < vector.Length; i++)
        {
            int code = (int)Math.Clamp(MathF.Round(vector[i] / scale), -Levels, Levels);
            codes[i] = (sbyte)code;
            double residual = vector[i] - (double)scale * code;
            squares += residual * residual;
        }
        double norm = Math.Sqrt(squares);
        // Rounding to nearest errs by at most half a step; one step up is an upper bound.
        error = MathF.BitIncrement((float)norm);
        return scale;
    }

    /// <summary>
    /// Writes key <paramref name="row"/> of <paramref name="blocks"/>: its <paramref name="codes"/> (a padded
    /// dimension long), <paramref name="scale"/>, <paramref name="error"/> bound and <paramref name="norm"/>.
    /// </summary>
    public static void Write(Span<sbyte> blocks, int row, ReadOnlySpan<sbyte> codes, float scale, float error, float norm)
    {
        Span<sbyte> block = Block(blocks, row, codes.Length);
        int lane = row % BlockRows;
        int sum = 0;
        for (int d = 0; d < codes.Length; d++)
        {
            block[d / 4 * GroupBytes + 4 * lane + d % 4] = codes[d];
            sum += codes[d];
        }
        Span<float> factors = MemoryMarshal.Cast<sbyte, float>(block[(BlockRows * codes.Length)..]);
        factors[Offsets * BlockRows + lane] = BitConverter.Int32BitsToSingle(128 * sum);
        factors[Scales * BlockRows + lane] = scale;
        factors[Errors * BlockRows + lane] = error;
        factors[Norms * BlockRows + lane] = norm;
    }

    /// <summary>Reads the codes of key <paramref name="row"/> of <paramref name="blocks"/> into <paramref name="codes"/> (a padded dimension long).</summary>
    public static void Read(ReadOnlySpan<sbyte> blocks, int row, Span<sbyte> codes)
    {
        ReadOnlySpan<sbyte> block = Block(blocks, row, codes.Length);
        int lane = row % BlockRows;
        for (int d = 0; d < codes.Length; d++)
            codes[d] = block[d / 4 * GroupBytes + 4 * lane + d % 4];
    }

    /// <summary>The error bound of key <paramref name="row"/>.</summary>
    public static float Error(ReadOnlySpan<sbyte> blocks, int row, int paddedDimension) =>
        MemoryMarshal.Cast<sbyte, float>(Block(blocks, row, paddedDimension)[(BlockRows * paddedDimension)..])[Errors * BlockRows + row % BlockRows];

    /// <summary>Copies key <paramref name="from"/> of <paramref name="blocks"/>, codes and numbers, over key <paramref name="to"/>.</summary>
    public static void Move(Span<sbyte> blocks, int from, int to, int paddedDimension)
    {
        Span<sbyte> source = Block(blocks, from, paddedDimension), target = Block(blocks, to, paddedDimension);
        int fromLane = from % BlockRows, toLane = to % BlockRows;
        for (int offset = 0; offset < BlockRows * paddedDimension; offset += GroupBytes)
            source.Slice(offset + 4 * fromLane, 4).CopyTo(target.Slice(offset + 4 * toLane, 4));
        Span<float> sourceFactors = MemoryMarshal.Cast<sbyte, float>(source[(BlockRows * paddedDimension)..]);
        Span<float> targetFactors = MemoryMarshal.Cast<sbyte, float>(target[(BlockRows * paddedDimension)..]);
        for (int factor = Offsets; factor <= Norms; factor++)
            targetFactors[factor * BlockRows + toLane] = sourceFactors[factor * BlockRows + fromLane];
    }

    /// <summary>The block of <paramref name="blocks"/> that holds key <paramref name="row"/>.</summary>
    private static Span<sbyte> Block(Span<sbyte> blocks, int row, int paddedDimension) =>
        blocks.Slice(row / BlockRows * BlockBytes(paddedDimension), BlockBytes(paddedDimension));

    private static ReadOnlySpan<sbyte> Block(ReadOnlySpan<sbyte> blocks, int row, int paddedDimension) =>
        blocks.Slice(row / BlockRows * BlockBytes(paddedDimension), BlockBytes(paddedDimension));

    /// <summary>The scales of the 16 keys of <paramref name="block"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ScalesOf(ref sbyte block, int paddedDimension) => Factor(ref block, paddedDimension, Scales);

    /// <summary>The error bounds of the 16 keys of <paramref name="block"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ErrorsOf(ref sbyte block, int paddedDimension) => Factor(ref block, paddedDimension, Errors);

    /// <summary>The norms of the 16 keys of <paramref name="block"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> NormsOf(ref sbyte block, int paddedDimension) => Factor(ref block, paddedDimension, Norms);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Factor(ref sbyte block, int paddedDimension, int factor) =>
        Vector512.LoadUnsafe(ref Unsafe.As<sbyte, float>(ref Unsafe.Add(ref block, BlockRows * paddedDimension + factor * GroupBytes)));

    /// <summary>Turns a query's codes into the form <paramref name="path"/>'s kernel takes, in place: code + 128 as a byte for VNNI, else as they are.</summary>
    public static void ToQueryForm(Span<sbyte> codes, ByteDotPath path)
    {
        if (path != ByteDotPath.AvxVnni)
            return;
        for (int i = 0; i < codes.Length; i++)
            codes[i] = (sbyte)(codes[i] ^ 0x80);
    }

    /// <summary>
    /// The 16 exact dot products <c>Σ code·query</c> of one block (<paramref name="block"/>) with
    /// <paramref name="query"/> (a padded dimension long, in <paramref name="path"/>'s form).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<int> Dot(ref sbyte block, ref sbyte query, int paddedDimension, ByteDotPath path)
    {
        if (path == ByteDotPath.AvxVnni && AvxVnni.IsSupported)
            return DotAvxVnni(ref block, ref query, paddedDimension) - Factor(ref block, paddedDimension, Offsets).AsInt32();
        if (path == ByteDotPath.Avx2 && Avx2.IsSupported)
            return DotAvx2(ref block, ref query, paddedDimension);
        return DotScalar(ref block, ref query, paddedDimension);
    }

    /// <summary>
    /// <see cref="Dot"/> for four queries (one after another from <paramref name="queries"/>) into
    /// <paramref name="dots"/>: on the VNNI path each key vector is read once for all four.
    /// </summary>
    public static void Dot4(ref sbyte block, ref sbyte queries, int paddedDimension, ByteDotPath path, Span<Vector512<int>> dots)
    {
        if (path == ByteDotPath.AvxVnni && AvxVnni.IsSupported)
        {
            Dot4AvxVnni(ref block, ref queries, paddedDimension, dots);
            Vector512<int> offsets = Factor(ref block, paddedDimension, Offsets).AsInt32();
            for (int j = 0; j < 4; j++)
                dots[j] -= offsets;
            return;
        }
        for (int j = 0; j < 4; j++)
            dots[j] = Dot(ref block, ref Unsafe.Add(ref queries, j * paddedDimension), paddedDimension, path);
    }

    /// <summary><c>Σ (query + 128)·code</c> per key: the key codes come straight from memory into <c>vpdpbusd</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> DotAvxVnni(ref sbyte block, ref sbyte query, int paddedDimension)
    {
        // Two chains per half block, so that consecutive multiply-adds do not wait on each other.
        Vector256<int> low0 = default, low1 = default, high0 = default, high1 = default;
        int groups = paddedDimension / 4;
        for (; groups >= 2; groups -= 2)
        {
            Vector256<byte> q0 = Broadcast4(ref query).AsByte(), q1 = Broadcast4(ref Unsafe.Add(ref query, 4)).AsByte();
            low0 = AvxVnni.MultiplyWideningAndAdd(low0, q0, Vector256.LoadUnsafe(ref block));
            high0 = AvxVnni.MultiplyWideningAndAdd(high0, q0, Vector256.LoadUnsafe(ref block, 32));
            low1 = AvxVnni.MultiplyWideningAndAdd(low1, q1, Vector256.LoadUnsafe(ref block, GroupBytes));
            high1 = AvxVnni.MultiplyWideningAndAdd(high1, q1, Vector256.LoadUnsafe(ref block, GroupBytes + 32));
            block = ref Unsafe.Add(ref block, 2 * GroupBytes);
            query = ref Unsafe.Add(ref query, 8);
        }
        if (groups > 0)
        {
            Vector256<byte> q0 = Broadcast4(ref query).AsByte();
            low0 = AvxVnni.MultiplyWideningAndAdd(low0, q0, Vector256.LoadUnsafe(ref block));
            high0 = AvxVnni.MultiplyWideningAndAdd(high0, q0, Vector256.LoadUnsafe(ref block, 32));
        }
        return Vector512.Create(low0 + low1, high0 + high1);
    }

    private static void Dot4AvxVnni(ref sbyte block, ref sbyte queries, int paddedDimension, Span<Vector512<int>> dots)
    {
        Vector256<int> low0 = default, high0 = default, low1 = default, high1 = default;
        Vector256<int> low2 = default, high2 = default, low3 = default, high3 = default;
        for (int groups = paddedDimension / 4; groups > 0; groups--)
        {
            Vector256<sbyte> low = Vector256.LoadUnsafe(ref block), high = Vector256.LoadUnsafe(ref block, 32);
            Vector256<byte> q0 = Broadcast4(ref queries).AsByte(), q1 = Broadcast4(ref Unsafe.Add(ref queries, paddedDimension)).AsByte();
            Vector256<byte> q2 = Broadcast4(ref Unsafe.Add(ref queries, 2 * paddedDimension)).AsByte();
            Vector256<byte> q3 = Broadcast4(ref Unsafe.Add(ref queries, 3 * paddedDimension)).AsByte();
            (low0, high0) = (AvxVnni.MultiplyWideningAndAdd(low0, q0, low), AvxVnni.MultiplyWideningAndAdd(high0, q0, high));
            (low1, high1) = (AvxVnni.MultiplyWideningAndAdd(low1, q1, low), AvxVnni.MultiplyWideningAndAdd(high1, q1, high));
            (low2, high2) = (AvxVnni.MultiplyWideningAndAdd(low2, q2, low), AvxVnni.MultiplyWideningAndAdd(high2, q2, high));
            (low3, high3) = (AvxVnni.MultiplyWideningAndAdd(low3, q3, low), AvxVnni.MultiplyWideningAndAdd(high3, q3, high));
            block = ref Unsafe.Add(ref block, GroupBytes);
            queries = ref Unsafe.Add(ref queries, 4);
        }
        dots[0] = Vector512.Create(low0, high0);
        dots[1] = Vector512.Create(low1, high1);
        dots[2] = Vector512.Create(low2, high2);
        dots[3] = Vector512.Create(low3, high3);
    }

    /// <summary>
    /// Without VNNI: <c>vpmaddubsw</c> multiplies unsigned by signed bytes into saturating 16-bit pair sums, so it
    /// takes <c>|code|</c> and the query byte carrying the code's sign (products up to 127·127, pairs under 2^15),
    /// and <c>vpmaddwd</c> by ones adds the pairs into the key's 32-bit lane.
    /// </summary>
    private static Vector512<int> DotAvx2(ref sbyte block, ref sbyte query, int paddedDimension)
    {
        Vector256<int> low = default, high = default;
        Vector256<short> ones = Vector256.Create((short)1);
        for (int groups = paddedDimension / 4; groups > 0; groups--)
        {
            Vector256<sbyte> q = Broadcast4(ref query);
            Vector256<sbyte> codes = Vector256.LoadUnsafe(ref block);
            low += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Avx2.Abs(codes), Avx2.Sign(q, codes)), ones);
            codes = Vector256.LoadUnsafe(ref block, 32);
            high += Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Avx2.Abs(codes), Avx2.Sign(q, codes)), ones);
            block = ref Unsafe.Add(ref block, GroupBytes);
            query = ref Unsafe.Add(ref query, 4);
        }
        return Vector512.Create(low, high);
    }

    /// <summary>Four query bytes repeated across a 256-bit vector, one copy per key lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<sbyte> Broadcast4(ref sbyte query) => Vector256.Create(Unsafe.ReadUnaligned<int>(ref Unsafe.As<sbyte, byte>(ref query))).AsSByte();

    private static Vector512<int> DotScalar(ref sbyte block, ref sbyte query, int paddedDimension)
    {
        Span<int> dots = stackalloc int[BlockRows];
        for (int lane = 0; lane < BlockRows; lane++)
        {
            int sum = 0;
            for (int d = 0; d < paddedDimension; d++)
                sum += Unsafe.Add(ref block, d / 4 * GroupBytes + 4 * lane + d % 4) * Unsafe.Add(ref query, d);
            dots[lane] = sum;
        }
        return Vector512.Create<int>(dots);
    }
}
