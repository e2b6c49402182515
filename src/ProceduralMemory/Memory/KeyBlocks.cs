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
/// Each dot product is summed in one fixed order (dimension <c>d</c> into partial sum <c>d mod 4</c> by fused
/// multiply-adds, then <c>(s0 + s1) + (s2 + s3)</c>) by every path, 512-bit, 256-bit or scalar, for one query
/// or a batch: a query scores the same bits alone or batched, on any machine.
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
    public static void Dot(ReadOnlySpan<float> blocks, ReadOnlySpan<float> query, Span<float> dots) =>
        Dot(blocks, query, query.Length, dots.Length, dots);

    /// <summary>
    /// Batched <see cref="Dot(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>: <paramref name="queries"/>
    /// holds <c>q</c> queries of <paramref name="dimension"/> numbers one after another, and <paramref name="dots"/>
    /// receives <c>q</c> rows of <paramref name="rows"/> dot products. Each block is read once for four queries at
    /// a time; the results equal those of the single-query kernel bit for bit.
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
        Span<float> scratch = stackalloc float[4 * 2 * BlockRows];
        int blockLength = BlockRows * dimension;
        for (int start = 0; start < rows; start += 2 * BlockRows)
        {
            int pair = rows - start > BlockRows ? 2 : 1, n = Math.Min(pair * BlockRows, rows - start);
            ReadOnlySpan<float> keys = blocks.Slice(start * dimension, pair * blockLength);
            int q = 0;
            for (; q + 4 <= count; q += 4)
            {
                BlockDot(keys, pair, queries.Slice(q * dimension, 4 * dimension), 4, scratch);
                for (int j = 0; j < 4; j++)
                    scratch.Slice(j * pair * BlockRows, n).CopyTo(dots.Slice((q + j) * rows + start, n));
            }
            for (; q < count; q++)
            {
                BlockDot(keys, pair, queries.Slice(q * dimension, dimension), 1, scratch);
                scratch[..n].CopyTo(dots.Slice(q * rows + start, n));
            }
        }
    }

    /// <summary>
    /// The dot products of <paramref name="blockCount"/> consecutive blocks with <paramref name="queryCount"/>
    /// (1 or 4) queries of <c>queries.Length / queryCount</c> numbers, into <paramref name="dots"/>: query <c>j</c>'s
    /// <c>16·blockCount</c> results start at <c>16·blockCount·j</c>.
    /// </summary>
    /// <remarks>
    /// Every path sums a lane the same way: dimension <c>d</c> into partial sum <c>d mod 4</c> by fused
    /// multiply-adds, then <c>(s0 + s1) + (s2 + s3)</c>. Fused multiply-adds round exactly, so the 512-bit, 256-bit
    /// and scalar paths give the same bits, and so do one query and a batch. Four chains rather than one keep
    /// enough multiply-adds in flight that a scan of a matrix in main memory runs at the memory's speed.
    /// </remarks>
    internal static void BlockDot(ReadOnlySpan<float> keys, int blockCount, ReadOnlySpan<float> queries, int queryCount, Span<float> dots)
    {
        int dimension = queries.Length / queryCount, blockLength = BlockRows * dimension;
        for (int b = 0; b < blockCount; b++)
        {
            ReadOnlySpan<float> block = keys.Slice(b * blockLength, blockLength);
            if (queryCount == 4 && Vector512.IsHardwareAccelerated)
            {
                // Each block read once for four queries; writes query j's 16 results at (j·blockCount + b)·16.
                ref float result = ref MemoryMarshal.GetReference(dots);
                BlockDot4(ref MemoryMarshal.GetReference(block), ref MemoryMarshal.GetReference(queries), dimension,
                    ref Unsafe.Add(ref result, b * BlockRows), blockCount * BlockRows);
                continue;
            }
            for (int j = 0; j < queryCount; j++)
                BlockDot(block, queries.Slice(j * dimension, dimension), dots.Slice((j * blockCount + b) * BlockRows, BlockRows));
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
            // The same sums as the 512-bit path, the block in two halves of 8 keys.
            for (int half = 0; half < BlockRows; half += 8)
            {
                Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
                int d = 0;
                for (; d + 4 <= dimension; d += 4)
                {
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)(d * BlockRows + half)), Vector256.Create(Unsafe.Add(ref q, d)), a0);
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows + half)), Vector256.Create(Unsafe.Add(ref q, d + 1)), a1);
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)((d + 2) * BlockRows + half)), Vector256.Create(Unsafe.Add(ref q, d + 2)), a2);
                    a3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)((d + 3) * BlockRows + half)), Vector256.Create(Unsafe.Add(ref q, d + 3)), a3);
                }
                if (d < dimension)
                    a0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)(d * BlockRows + half)), Vector256.Create(Unsafe.Add(ref q, d)), a0);
                if (d + 1 < dimension)
                    a1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows + half)), Vector256.Create(Unsafe.Add(ref q, d + 1)), a1);
                if (d + 2 < dimension)
                    a2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref k, (nuint)((d + 2) * BlockRows + half)), Vector256.Create(Unsafe.Add(ref q, d + 2)), a2);
                ((a0 + a1) + (a2 + a3)).StoreUnsafe(ref result, (nuint)half);
            }
        }
        else
        {
            for (int lane = 0; lane < BlockRows; lane++)
            {
                float p0 = 0f, p1 = 0f, p2 = 0f, p3 = 0f;
                for (int d = 0; d < dimension; d++)
                {
                    float product = block[d * BlockRows + lane];
                    switch (d & 3)
                    {
                        case 0: p0 = MathF.FusedMultiplyAdd(product, query[d], p0); break;
                        case 1: p1 = MathF.FusedMultiplyAdd(product, query[d], p1); break;
                        case 2: p2 = MathF.FusedMultiplyAdd(product, query[d], p2); break;
                        default: p3 = MathF.FusedMultiplyAdd(product, query[d], p3); break;
                    }
                }
                dots[lane] = (p0 + p1) + (p2 + p3);
            }
        }
    }

    /// <summary>
    /// One block, four queries (one after another from <paramref name="q0"/>), 512-bit: the block is read once
    /// and each key vector feeds four multiply-adds. Query <c>j</c>'s 16 results go to <c>result + j·stride</c>.
    /// </summary>
    private static void BlockDot4(ref float k, ref float q0, int dimension, ref float result, int stride)
    {
        ref float q1 = ref Unsafe.Add(ref q0, dimension);
        ref float q2 = ref Unsafe.Add(ref q1, dimension);
        ref float q3 = ref Unsafe.Add(ref q2, dimension);
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
        if (d < dimension)
        {
            Vector512<float> kr = Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows));
            (a00, a10, a20, a30) = (Fma(kr, Unsafe.Add(ref q0, d), a00), Fma(kr, Unsafe.Add(ref q1, d), a10),
                Fma(kr, Unsafe.Add(ref q2, d), a20), Fma(kr, Unsafe.Add(ref q3, d), a30));
        }
        if (d + 1 < dimension)
        {
            Vector512<float> kr = Vector512.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows));
            (a01, a11, a21, a31) = (Fma(kr, Unsafe.Add(ref q0, d + 1), a01), Fma(kr, Unsafe.Add(ref q1, d + 1), a11),
                Fma(kr, Unsafe.Add(ref q2, d + 1), a21), Fma(kr, Unsafe.Add(ref q3, d + 1), a31));
        }
        if (d + 2 < dimension)
        {
            Vector512<float> kr = Vector512.LoadUnsafe(ref k, (nuint)((d + 2) * BlockRows));
            (a02, a12, a22, a32) = (Fma(kr, Unsafe.Add(ref q0, d + 2), a02), Fma(kr, Unsafe.Add(ref q1, d + 2), a12),
                Fma(kr, Unsafe.Add(ref q2, d + 2), a22), Fma(kr, Unsafe.Add(ref q3, d + 2), a32));
        }
        ((a00 + a01) + (a02 + a03)).StoreUnsafe(ref result);
        ((a10 + a11) + (a12 + a13)).StoreUnsafe(ref result, (nuint)stride);
        ((a20 + a21) + (a22 + a23)).StoreUnsafe(ref result, (nuint)(2 * stride));
        ((a30 + a31) + (a32 + a33)).StoreUnsafe(ref result, (nuint)(3 * stride));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> keys, float query, Vector512<float> sum) =>
        Vector512.FusedMultiplyAdd(keys, Vector512.Create(query), sum);

    private static void CheckRow(int length, int row, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        if (length < Length(row + 1, dimension))
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} of {dimension} numbers lies beyond the {length} floats given.");
    }
}
