using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ProceduralMemory.Memory;

/// <summary>
/// Dot-product kernels over a key matrix kept in one contiguous float array, grouped in blocks of
/// <see cref="BlockRows"/> keys; inside a block the numbers are stored dimension by dimension (the
/// <c>d</c>-th numbers of the block's 16 keys side by side).
/// </summary>
/// <remarks>
/// The layout is what makes scoring run at the machine's limit: one 512-bit register holds the <c>d</c>-th
/// number of 16 keys, so a block's 16 dot products come out of <c>dimension</c> multiply-adds against the
/// broadcast query, with no horizontal sums, and the matrix is read once, front to back. A padded block's unused
/// rows are whatever was last written there (zero in a fresh array); callers ignore their results.
/// <para>
/// Each dot product is summed in a fixed order for a given instruction set (dimension <c>d</c> goes to partial
/// sum <c>d mod 4</c>, or <c>d mod 2</c> with 256-bit vectors, partial sums added pairwise), the same for one
/// query and for a batch, so a query scores the same alone or batched on one machine.
/// </para>
/// </remarks>
public static class KeyBlocks
{
    /// <summary>Keys per block: one 512-bit vector of floats.</summary>
    public const int BlockRows = 16;

    /// <summary>The array length that holds <paramref name="rows"/> keys of <paramref name="dimension"/> numbers (whole blocks).</summary>
    public static int Length(int rows, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        return checked((rows + BlockRows - 1) / BlockRows * BlockRows * dimension);
    }

    /// <summary>Writes <paramref name="key"/> as row <paramref name="row"/> of <paramref name="blocks"/>.</summary>
    public static void Write(Span<float> blocks, int row, ReadOnlySpan<float> key)
    {
        int dimension = key.Length;
        CheckRow(blocks.Length, row, dimension);
        Span<float> block = blocks.Slice(row / BlockRows * BlockRows * dimension, BlockRows * dimension);
        int lane = row % BlockRows;
        for (int d = 0; d < dimension; d++)
            block[d * BlockRows + lane] = key[d];
    }

    /// <summary>Reads row <paramref name="row"/> of <paramref name="blocks"/> into <paramref name="key"/>.</summary>
    public static void Read(ReadOnlySpan<float> blocks, int row, Span<float> key)
    {
        int dimension = key.Length;
        CheckRow(blocks.Length, row, dimension);
        ReadOnlySpan<float> block = blocks.Slice(row / BlockRows * BlockRows * dimension, BlockRows * dimension);
        int lane = row % BlockRows;
        for (int d = 0; d < dimension; d++)
            key[d] = block[d * BlockRows + lane];
    }

    /// <summary>
    /// Writes the dot product of <paramref name="query"/> with each of the first <c>dots.Length</c> keys of
    /// <paramref name="blocks"/> (keys of <c>query.Length</c> numbers) into <paramref name="dots"/>; allocates nothing.
    /// </summary>
    public static void Dot(ReadOnlySpan<float> blocks, ReadOnlySpan<float> query, Span<float> dots)
    {
        int dimension = query.Length, rows = dots.Length;
        if (blocks.Length < Length(rows, dimension))
            throw new ArgumentException($"{rows} keys of {dimension} numbers need {Length(rows, dimension)} floats; got {blocks.Length}.", nameof(blocks));
        Span<float> scratch = stackalloc float[BlockRows];
        for (int start = 0; start < rows; start += BlockRows)
        {
            ReadOnlySpan<float> block = blocks.Slice(start * dimension, BlockRows * dimension);
            int n = Math.Min(BlockRows, rows - start);
            if (n == BlockRows)
                BlockDot(block, query, dots.Slice(start, BlockRows));
            else
            {
                BlockDot(block, query, scratch);
                scratch[..n].CopyTo(dots.Slice(start, n));
            }
        }
    }

    /// <summary>
    /// Batched <see cref="Dot(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>: <paramref name="queries"/>
    /// holds <c>q</c> queries of <paramref name="dimension"/> numbers one after another, and <paramref name="dots"/>
    /// receives <c>q</c> rows of <paramref name="rows"/> dot products. Each block is read once for up to four
    /// queries; the results equal those of the single-query kernel bit for bit.
    /// </summary>
    public static void Dot(ReadOnlySpan<float> blocks, ReadOnlySpan<float> queries, int dimension, int rows, Span<float> dots)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (blocks.Length < Length(rows, dimension))
            throw new ArgumentException($"{rows} keys of {dimension} numbers need {Length(rows, dimension)} floats; got {blocks.Length}.", nameof(blocks));
        int count = dimension == 0 ? dots.Length / Math.Max(rows, 1) : queries.Length / dimension;
        if (dimension > 0 && queries.Length != count * dimension)
            throw new ArgumentException($"Queries must be whole vectors of {dimension} numbers; got {queries.Length} numbers.", nameof(queries));
        if (dots.Length != count * rows)
            throw new ArgumentException($"Expected {count} x {rows} dot products, got room for {dots.Length}.", nameof(dots));
        Span<float> scratch = stackalloc float[4 * BlockRows];
        for (int start = 0; start < rows; start += BlockRows)
        {
            ReadOnlySpan<float> block = blocks.Slice(start * dimension, BlockRows * dimension);
            int n = Math.Min(BlockRows, rows - start);
            int q = 0;
            for (; q + 4 <= count; q += 4)
            {
                BlockDot4(block, queries.Slice(q * dimension, 4 * dimension), scratch);
                for (int j = 0; j < 4; j++)
                    scratch.Slice(j * BlockRows, n).CopyTo(dots.Slice((q + j) * rows + start, n));
            }
            for (; q < count; q++)
            {
                BlockDot(block, queries.Slice(q * dimension, dimension), scratch[..BlockRows]);
                scratch[..n].CopyTo(dots.Slice(q * rows + start, n));
            }
        }
    }

    /// <summary>The 16 dot products of one block with <paramref name="query"/>, into <paramref name="dots"/> (16 floats).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void BlockDot(ReadOnlySpan<float> block, ReadOnlySpan<float> query, Span<float> dots)
    {
        int dimension = query.Length;
        ref float k = ref MemoryMarshal.GetReference(block);
        ref float q = ref MemoryMarshal.GetReference(query);
        ref float result = ref MemoryMarshal.GetReference(dots);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
            int d = 0;
            for (; d + 4 <= dimension; d += 4)
            {
                a0 = Fma(Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), Unsafe.Add(ref q, d), a0);
                a1 = Fma(Vector512.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows)), Unsafe.Add(ref q, d + 1), a1);
                a2 = Fma(Vector512.LoadUnsafe(ref k, (nuint)((d + 2) * BlockRows)), Unsafe.Add(ref q, d + 2), a2);
                a3 = Fma(Vector512.LoadUnsafe(ref k, (nuint)((d + 3) * BlockRows)), Unsafe.Add(ref q, d + 3), a3);
            }
            if (d < dimension)
                a0 = Fma(Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), Unsafe.Add(ref q, d), a0);
            if (d + 1 < dimension)
                a1 = Fma(Vector512.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows)), Unsafe.Add(ref q, d + 1), a1);
            if (d + 2 < dimension)
                a2 = Fma(Vector512.LoadUnsafe(ref k, (nuint)((d + 2) * BlockRows)), Unsafe.Add(ref q, d + 2), a2);
            ((a0 + a1) + (a2 + a3)).StoreUnsafe(ref result);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            const int Half = BlockRows / 2;
            Vector256<float> lo0 = default, lo1 = default, hi0 = default, hi1 = default;
            int d = 0;
            for (; d + 2 <= dimension; d += 2)
            {
                Vector256<float> q0 = Vector256.Create(Unsafe.Add(ref q, d)), q1 = Vector256.Create(Unsafe.Add(ref q, d + 1));
                lo0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)(d * BlockRows)), q0, lo0);
                hi0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)(d * BlockRows + Half)), q0, hi0);
                lo1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows)), q1, lo1);
                hi1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows + Half)), q1, hi1);
            }
            if (d < dimension)
            {
                Vector256<float> q0 = Vector256.Create(Unsafe.Add(ref q, d));
                lo0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)(d * BlockRows)), q0, lo0);
                hi0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)(d * BlockRows + Half)), q0, hi0);
            }
            (lo0 + lo1).StoreUnsafe(ref result);
            (hi0 + hi1).StoreUnsafe(ref result, Half);
        }
        else
        {
            ScalarBlockDot(block, query, dots);
        }
    }

    /// <summary>
    /// The dot products of one block with four queries (<paramref name="queries"/>: four vectors one after
    /// another), into <paramref name="dots"/> (4 x 16 floats); the block is read once for all four.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void BlockDot4(ReadOnlySpan<float> block, ReadOnlySpan<float> queries, Span<float> dots)
    {
        int dimension = queries.Length / 4;
        if (!Vector512.IsHardwareAccelerated)
        {
            // 256-bit registers are too few for four queries' partial sums; one query at a time reads the block
            // four times but still from cache.
            for (int j = 0; j < 4; j++)
                BlockDot(block, queries.Slice(j * dimension, dimension), dots.Slice(j * BlockRows, BlockRows));
            return;
        }
        ref float k = ref MemoryMarshal.GetReference(block);
        ref float q0 = ref MemoryMarshal.GetReference(queries);
        ref float q1 = ref Unsafe.Add(ref q0, dimension);
        ref float q2 = ref Unsafe.Add(ref q1, dimension);
        ref float q3 = ref Unsafe.Add(ref q2, dimension);
        // Four partial sums per query (dimension d goes to sum d mod 4), as in BlockDot, so that a batched query
        // scores exactly as it would alone.
        Vector512<float> a00 = default, a01 = default, a02 = default, a03 = default;
        Vector512<float> a10 = default, a11 = default, a12 = default, a13 = default;
        Vector512<float> a20 = default, a21 = default, a22 = default, a23 = default;
        Vector512<float> a30 = default, a31 = default, a32 = default, a33 = default;
        int d = 0;
        for (; d + 4 <= dimension; d += 4)
        {
            Vector512<float> k0 = Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows));
            Vector512<float> k1 = Vector512.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows));
            Vector512<float> k2 = Vector512.LoadUnsafe(ref k, (nuint)((d + 2) * BlockRows));
            Vector512<float> k3 = Vector512.LoadUnsafe(ref k, (nuint)((d + 3) * BlockRows));
            a00 = Fma(k0, Unsafe.Add(ref q0, d), a00);
            a01 = Fma(k1, Unsafe.Add(ref q0, d + 1), a01);
            a02 = Fma(k2, Unsafe.Add(ref q0, d + 2), a02);
            a03 = Fma(k3, Unsafe.Add(ref q0, d + 3), a03);
            a10 = Fma(k0, Unsafe.Add(ref q1, d), a10);
            a11 = Fma(k1, Unsafe.Add(ref q1, d + 1), a11);
            a12 = Fma(k2, Unsafe.Add(ref q1, d + 2), a12);
            a13 = Fma(k3, Unsafe.Add(ref q1, d + 3), a13);
            a20 = Fma(k0, Unsafe.Add(ref q2, d), a20);
            a21 = Fma(k1, Unsafe.Add(ref q2, d + 1), a21);
            a22 = Fma(k2, Unsafe.Add(ref q2, d + 2), a22);
            a23 = Fma(k3, Unsafe.Add(ref q2, d + 3), a23);
            a30 = Fma(k0, Unsafe.Add(ref q3, d), a30);
            a31 = Fma(k1, Unsafe.Add(ref q3, d + 1), a31);
            a32 = Fma(k2, Unsafe.Add(ref q3, d + 2), a32);
            a33 = Fma(k3, Unsafe.Add(ref q3, d + 3), a33);
        }
        for (int r = 0; d + r < dimension; r++)
        {
            Vector512<float> kr = Vector512.LoadUnsafe(ref k, (nuint)((d + r) * BlockRows));
            switch (r)
            {
                case 0:
                    (a00, a10, a20, a30) = (Fma(kr, Unsafe.Add(ref q0, d), a00), Fma(kr, Unsafe.Add(ref q1, d), a10),
                        Fma(kr, Unsafe.Add(ref q2, d), a20), Fma(kr, Unsafe.Add(ref q3, d), a30));
                    break;
                case 1:
                    (a01, a11, a21, a31) = (Fma(kr, Unsafe.Add(ref q0, d + 1), a01), Fma(kr, Unsafe.Add(ref q1, d + 1), a11),
                        Fma(kr, Unsafe.Add(ref q2, d + 1), a21), Fma(kr, Unsafe.Add(ref q3, d + 1), a31));
                    break;
                default:
                    (a02, a12, a22, a32) = (Fma(kr, Unsafe.Add(ref q0, d + 2), a02), Fma(kr, Unsafe.Add(ref q1, d + 2), a12),
                        Fma(kr, Unsafe.Add(ref q2, d + 2), a22), Fma(kr, Unsafe.Add(ref q3, d + 2), a32));
                    break;
            }
        }
        ref float result = ref MemoryMarshal.GetReference(dots);
        ((a00 + a01) + (a02 + a03)).StoreUnsafe(ref result);
        ((a10 + a11) + (a12 + a13)).StoreUnsafe(ref result, BlockRows);
        ((a20 + a21) + (a22 + a23)).StoreUnsafe(ref result, 2 * BlockRows);
        ((a30 + a31) + (a32 + a33)).StoreUnsafe(ref result, 3 * BlockRows);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> keys, float query, Vector512<float> sum) =>
        Vector512.FusedMultiplyAdd(keys, Vector512.Create(query), sum);

    /// <summary>The portable path (no 256-bit SIMD): the same sums as the 512-bit path, one lane at a time.</summary>
    private static void ScalarBlockDot(ReadOnlySpan<float> block, ReadOnlySpan<float> query, Span<float> dots)
    {
        for (int lane = 0; lane < BlockRows; lane++)
        {
            float p0 = 0f, p1 = 0f, p2 = 0f, p3 = 0f;
            int d = 0;
            for (; d + 4 <= query.Length; d += 4)
            {
                p0 = MathF.FusedMultiplyAdd(block[d * BlockRows + lane], query[d], p0);
                p1 = MathF.FusedMultiplyAdd(block[(d + 1) * BlockRows + lane], query[d + 1], p1);
                p2 = MathF.FusedMultiplyAdd(block[(d + 2) * BlockRows + lane], query[d + 2], p2);
                p3 = MathF.FusedMultiplyAdd(block[(d + 3) * BlockRows + lane], query[d + 3], p3);
            }
            if (d < query.Length)
                p0 = MathF.FusedMultiplyAdd(block[d * BlockRows + lane], query[d], p0);
            if (d + 1 < query.Length)
                p1 = MathF.FusedMultiplyAdd(block[(d + 1) * BlockRows + lane], query[d + 1], p1);
            if (d + 2 < query.Length)
                p2 = MathF.FusedMultiplyAdd(block[(d + 2) * BlockRows + lane], query[d + 2], p2);
            dots[lane] = (p0 + p1) + (p2 + p3);
        }
    }

    private static void CheckRow(int length, int row, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        if (length < Length(row + 1, dimension))
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} of {dimension} numbers lies beyond the {length} floats given.");
    }
}
