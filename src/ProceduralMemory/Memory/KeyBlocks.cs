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
/// Each dot product is summed in one fixed order (even dimensions in one chain of fused multiply-adds, odd ones in
/// another, then the two added) by every path, 512-bit, 256-bit or scalar, for one query or a batch: a query
/// scores the same bits alone or batched, on any machine.
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
    /// receives <c>q</c> rows of <paramref name="rows"/> dot products. Two blocks at a time are read once for up to
    /// four queries; the results equal those of the single-query kernel bit for bit.
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
    /// The dot products of <paramref name="blockCount"/> (1 or 2) consecutive blocks with <paramref name="queryCount"/>
    /// (1 or 4) queries of <c>queries.Length / queryCount</c> numbers, into <paramref name="dots"/>: query <c>j</c>'s
    /// <c>16·blockCount</c> results start at <c>16·blockCount·j</c>.
    /// </summary>
    /// <remarks>
    /// Every path sums a lane the same way: the even dimensions in one fused multiply-add chain, the odd ones in
    /// another, then the two added. Fused multiply-adds round exactly, so the 512-bit, 256-bit and scalar paths give
    /// the same bits, and so do one query and a batch.
    /// </remarks>
    internal static void BlockDot(ReadOnlySpan<float> keys, int blockCount, ReadOnlySpan<float> queries, int queryCount, Span<float> dots)
    {
        int dimension = queries.Length / queryCount;
        if (Vector512.IsHardwareAccelerated)
        {
            ref float k = ref MemoryMarshal.GetReference(keys);
            ref float q = ref MemoryMarshal.GetReference(queries);
            ref float result = ref MemoryMarshal.GetReference(dots);
            if (queryCount == 4)
            {
                if (blockCount == 2)
                    PairDot4(ref k, ref q, dimension, ref result);
                else
                    for (int j = 0; j < 4; j++)
                        BlockDot512(ref k, ref Unsafe.Add(ref q, j * dimension), dimension, ref Unsafe.Add(ref result, j * BlockRows));
            }
            else if (blockCount == 2)
                PairDot(ref k, ref q, dimension, ref result);
            else
                BlockDot512(ref k, ref q, dimension, ref result);
            return;
        }
        // Without 512-bit vectors each block and query goes alone: the block is read again, but from cache.
        for (int j = 0; j < queryCount; j++)
            for (int b = 0; b < blockCount; b++)
                BlockDotNarrow(keys.Slice(b * BlockRows * dimension, BlockRows * dimension), queries.Slice(j * dimension, dimension),
                    dots.Slice((j * blockCount + b) * BlockRows, BlockRows));
    }

    private static void BlockDot512(ref float k, ref float q, int dimension, ref float result)
    {
        Vector512<float> even = default, odd = default;
        int d = 0;
        for (; d + 2 <= dimension; d += 2)
        {
            even = Fma(Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), Unsafe.Add(ref q, d), even);
            odd = Fma(Vector512.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows)), Unsafe.Add(ref q, d + 1), odd);
        }
        if (d < dimension)
            even = Fma(Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), Unsafe.Add(ref q, d), even);
        (even + odd).StoreUnsafe(ref result);
    }

    /// <summary>Two blocks, one query: four independent chains keep both multiply-add pipes busy.</summary>
    private static void PairDot(ref float k, ref float q, int dimension, ref float result)
    {
        ref float k1 = ref Unsafe.Add(ref k, BlockRows * dimension);
        Vector512<float> even0 = default, odd0 = default, even1 = default, odd1 = default;
        int d = 0;
        for (; d + 2 <= dimension; d += 2)
        {
            Vector512<float> qe = Vector512.Create(Unsafe.Add(ref q, d)), qo = Vector512.Create(Unsafe.Add(ref q, d + 1));
            even0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), qe, even0);
            even1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref k1, (nuint)(d * BlockRows)), qe, even1);
            odd0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows)), qo, odd0);
            odd1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref k1, (nuint)((d + 1) * BlockRows)), qo, odd1);
        }
        if (d < dimension)
        {
            Vector512<float> qe = Vector512.Create(Unsafe.Add(ref q, d));
            even0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), qe, even0);
            even1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref k1, (nuint)(d * BlockRows)), qe, even1);
        }
        (even0 + odd0).StoreUnsafe(ref result);
        (even1 + odd1).StoreUnsafe(ref result, BlockRows);
    }

    /// <summary>
    /// Two blocks, four queries: each broadcast query number serves two key vectors, so loads stay below one per
    /// multiply-add, which is what bounds a batch once the keys sit in cache.
    /// </summary>
    private static void PairDot4(ref float k, ref float q, int dimension, ref float result)
    {
        ref float k1 = ref Unsafe.Add(ref k, BlockRows * dimension);
        ref float q1 = ref Unsafe.Add(ref q, dimension);
        ref float q2 = ref Unsafe.Add(ref q1, dimension);
        ref float q3 = ref Unsafe.Add(ref q2, dimension);
        Vector512<float> e00 = default, o00 = default, e01 = default, o01 = default;
        Vector512<float> e10 = default, o10 = default, e11 = default, o11 = default;
        Vector512<float> e20 = default, o20 = default, e21 = default, o21 = default;
        Vector512<float> e30 = default, o30 = default, e31 = default, o31 = default;
        int d = 0;
        for (; d + 2 <= dimension; d += 2)
        {
            Vector512<float> ke0 = Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), ke1 = Vector512.LoadUnsafe(ref k1, (nuint)(d * BlockRows));
            Vector512<float> ko0 = Vector512.LoadUnsafe(ref k, (nuint)((d + 1) * BlockRows)), ko1 = Vector512.LoadUnsafe(ref k1, (nuint)((d + 1) * BlockRows));
            Vector512<float> b = Vector512.Create(Unsafe.Add(ref q, d));
            (e00, e01) = (Vector512.FusedMultiplyAdd(ke0, b, e00), Vector512.FusedMultiplyAdd(ke1, b, e01));
            b = Vector512.Create(Unsafe.Add(ref q, d + 1));
            (o00, o01) = (Vector512.FusedMultiplyAdd(ko0, b, o00), Vector512.FusedMultiplyAdd(ko1, b, o01));
            b = Vector512.Create(Unsafe.Add(ref q1, d));
            (e10, e11) = (Vector512.FusedMultiplyAdd(ke0, b, e10), Vector512.FusedMultiplyAdd(ke1, b, e11));
            b = Vector512.Create(Unsafe.Add(ref q1, d + 1));
            (o10, o11) = (Vector512.FusedMultiplyAdd(ko0, b, o10), Vector512.FusedMultiplyAdd(ko1, b, o11));
            b = Vector512.Create(Unsafe.Add(ref q2, d));
            (e20, e21) = (Vector512.FusedMultiplyAdd(ke0, b, e20), Vector512.FusedMultiplyAdd(ke1, b, e21));
            b = Vector512.Create(Unsafe.Add(ref q2, d + 1));
            (o20, o21) = (Vector512.FusedMultiplyAdd(ko0, b, o20), Vector512.FusedMultiplyAdd(ko1, b, o21));
            b = Vector512.Create(Unsafe.Add(ref q3, d));
            (e30, e31) = (Vector512.FusedMultiplyAdd(ke0, b, e30), Vector512.FusedMultiplyAdd(ke1, b, e31));
            b = Vector512.Create(Unsafe.Add(ref q3, d + 1));
            (o30, o31) = (Vector512.FusedMultiplyAdd(ko0, b, o30), Vector512.FusedMultiplyAdd(ko1, b, o31));
        }
        if (d < dimension)
        {
            Vector512<float> ke0 = Vector512.LoadUnsafe(ref k, (nuint)(d * BlockRows)), ke1 = Vector512.LoadUnsafe(ref k1, (nuint)(d * BlockRows));
            Vector512<float> b = Vector512.Create(Unsafe.Add(ref q, d));
            (e00, e01) = (Vector512.FusedMultiplyAdd(ke0, b, e00), Vector512.FusedMultiplyAdd(ke1, b, e01));
            b = Vector512.Create(Unsafe.Add(ref q1, d));
            (e10, e11) = (Vector512.FusedMultiplyAdd(ke0, b, e10), Vector512.FusedMultiplyAdd(ke1, b, e11));
            b = Vector512.Create(Unsafe.Add(ref q2, d));
            (e20, e21) = (Vector512.FusedMultiplyAdd(ke0, b, e20), Vector512.FusedMultiplyAdd(ke1, b, e21));
            b = Vector512.Create(Unsafe.Add(ref q3, d));
            (e30, e31) = (Vector512.FusedMultiplyAdd(ke0, b, e30), Vector512.FusedMultiplyAdd(ke1, b, e31));
        }
        (e00 + o00).StoreUnsafe(ref result);
        (e01 + o01).StoreUnsafe(ref result, BlockRows);
        (e10 + o10).StoreUnsafe(ref result, 2 * BlockRows);
        (e11 + o11).StoreUnsafe(ref result, 3 * BlockRows);
        (e20 + o20).StoreUnsafe(ref result, 4 * BlockRows);
        (e21 + o21).StoreUnsafe(ref result, 5 * BlockRows);
        (e30 + o30).StoreUnsafe(ref result, 6 * BlockRows);
        (e31 + o31).StoreUnsafe(ref result, 7 * BlockRows);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> keys, float query, Vector512<float> sum) =>
        Vector512.FusedMultiplyAdd(keys, Vector512.Create(query), sum);

    /// <summary>One block and one query with 256-bit vectors (two halves), or one lane at a time without them.</summary>
    private static void BlockDotNarrow(ReadOnlySpan<float> block, ReadOnlySpan<float> query, Span<float> dots)
    {
        int dimension = query.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            const int Half = BlockRows / 2;
            ref float k = ref MemoryMarshal.GetReference(block);
            ref float q = ref MemoryMarshal.GetReference(query);
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
            ref float result = ref MemoryMarshal.GetReference(dots);
            (lo0 + lo1).StoreUnsafe(ref result);
            (hi0 + hi1).StoreUnsafe(ref result, Half);
            return;
        }
        for (int lane = 0; lane < BlockRows; lane++)
        {
            float even = 0f, odd = 0f;
            int d = 0;
            for (; d + 2 <= dimension; d += 2)
            {
                even = MathF.FusedMultiplyAdd(block[d * BlockRows + lane], query[d], even);
                odd = MathF.FusedMultiplyAdd(block[(d + 1) * BlockRows + lane], query[d + 1], odd);
            }
            if (d < dimension)
                even = MathF.FusedMultiplyAdd(block[d * BlockRows + lane], query[d], even);
            dots[lane] = even + odd;
        }
    }

    private static void CheckRow(int length, int row, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        if (length < Length(row + 1, dimension))
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row {row} of {dimension} numbers lies beyond the {length} floats given.");
    }
}
