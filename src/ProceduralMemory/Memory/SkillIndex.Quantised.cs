using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// The two-pass search. Beside the float keys the index keeps them quantised to bytes
/// (<see cref="QuantisedKeyBlocks"/>, a quarter of the size, so that 10,000 keys of 64 numbers fit the L2 cache).
/// The first pass scores every applicable key with exact integer arithmetic on the quantised query and keys, and
/// turns each score into a rigorous interval around the similarity the exact search computes; the k-th largest
/// lower end is a threshold that only keys whose upper end reaches it can beat. The second pass scores those keys
/// with the float kernel, exactly as the one-pass search does, so the results are the same bits.
/// </summary>
/// <remarks>
/// The interval. With <c>q̂ = sq·v</c>, <c>k̂ = sk·c</c> (whole-number codes) and <c>I = Σ c·v</c> (exact),
/// <c>|q·k − sq·sk·I| ≤ |q|·|k − k̂| + |q − q̂|·|k̂| ≤ Nq·Ek + Eq·(Nk + Ek)</c>, where <c>Nq</c> and <c>Nk</c> are
/// the norms the exact search divides by and <c>Ek</c>, <c>Eq</c> are upward-rounded residual norms. On top comes
/// <c>g·(Nq + Eq)·(Nk + Ek)</c>, <c>g = (d + 64)·2^-22</c>: four times the worst rounding of everything involved
/// (the exact kernel's <c>d/4 + 2</c> fused steps, the norms' <c>d</c> additions, the few float operations that
/// evaluate the bound and compare it), so the float evaluation of the interval can only widen it. Dividing by the
/// exact search's own denominator <c>Nq·Nk + ε</c> bounds its similarity. Keys or queries whose norm lies outside
/// [2^-30, 2^30] (or is not finite) get no interval: such a key's error is infinite, so the first pass always
/// keeps it, and such a query takes the one-pass search. Only all-zero keys are exempt (every term is zero).
/// </remarks>
public sealed partial class SkillIndex
{
    /// <summary>The largest k the two-pass search takes (its lower ends live on the stack); beyond, one pass.</summary>
    internal const int MaxQuantisedTopK = 128;

    /// <summary>
    /// The shortest keys searched in two passes by default: shorter ones score about as fast in one (measured at
    /// 4 and 8 numbers), the interval bookkeeping costing what the smaller reads save.
    /// </summary>
    internal const int MinQuantisedDimension = 16;

    /// <summary>
    /// The smallest float matrix searched in two passes by default: a smaller one stays in the L2 cache, where one
    /// pass is as fast (break-even measured between 128 and 256 KB at 32 and 64 numbers per key).
    /// </summary>
    internal const long MinQuantisedKeyBytes = 256 << 10;

    // Rows one query keeps for the second pass before it makes room (on the stack: 2 KB).
    private const int CandidateCapacity = 256;
    private const float SmallestNorm = 1f / (1 << 30), LargestNorm = 1 << 30;

    private readonly int _paddedDimension;
    private ByteDotPath? _firstPass;
    private bool _firstPassChosen;
    private sbyte[] _codes = [];

    /// <summary>
    /// The instructions of the quantised first pass searches use now (for k up to <see cref="MaxQuantisedTopK"/>),
    /// or null for one float pass. By default: the fastest on machines with 512-bit vectors and AVX2, for keys of
    /// <see cref="MinQuantisedDimension"/> to <see cref="QuantisedKeyBlocks.MaxDimension"/> numbers, once the float
    /// matrix has <see cref="MinQuantisedKeyBytes"/>. Setting it chooses for good (tests hold every path to the same
    /// results; the results are the same bits whatever the choice).
    /// </summary>
    internal ByteDotPath? FirstPass
    {
        get => _firstPassChosen || KeyBytes >= MinQuantisedKeyBytes ? _firstPass : null;
        set
        {
            if (value is { } path && (!KeepsCodes || !QuantisedKeyBlocks.IsSupported(path)))
                throw new NotSupportedException($"The {path} first pass does not run here for keys of {Dimension} numbers.");
            (_firstPass, _firstPassChosen) = (value, true);
        }
    }

    private bool KeepsCodes => Dimension <= QuantisedKeyBlocks.MaxDimension;

    private static ByteDotPath? DefaultFirstPass(int dimension) =>
        dimension is >= MinQuantisedDimension and <= QuantisedKeyBlocks.MaxDimension && Vector512.IsHardwareAccelerated && Avx2.IsSupported
            ? QuantisedKeyBlocks.Best
            : null;

    private void WriteCodes(int row, ReadOnlySpan<float> key, float norm)
    {
        if (!KeepsCodes)
            return;
        Span<sbyte> codes = stackalloc sbyte[_paddedDimension];
        float scale = 0, error = float.PositiveInfinity;
        if (norm is >= SmallestNorm and <= LargestNorm || !key.ContainsAnyExcept(0f))
            scale = QuantisedKeyBlocks.Quantise(key, codes, out error);
        else
            codes.Clear();
        QuantisedKeyBlocks.Write(_codes, row, codes, scale, error, norm);
    }

    private void MoveCodes(int from, int to)
    {
        if (KeepsCodes)
            QuantisedKeyBlocks.Move(_codes, from, to, _paddedDimension);
    }

    /// <summary>The two-pass <see cref="Search(ReadOnlySpan{float}, Facts, Span{int}, Span{float})"/>; -1 when the query gets no interval.</summary>
    private int SearchQuantised(ReadOnlySpan<float> query, ulong facts, Span<int> ids, Span<float> scores, ByteDotPath path, ref int rescoredBlocks)
    {
        Span<sbyte> codes = stackalloc sbyte[_paddedDimension];
        if (!Prepare(query, codes, path, out QueryBounds bounds))
            return -1;
        Span<float> lower = stackalloc float[ids.Length];
        Span<int> rows = stackalloc int[CandidateCapacity];
        Span<float> uppers = stackalloc float[CandidateCapacity];
        var scan = new Scan(ref bounds, query, lower, rows, uppers, ids, scores);
        ref sbyte keys = ref MemoryMarshal.GetArrayDataReference(_codes);
        int blockBytes = QuantisedKeyBlocks.BlockBytes(_paddedDimension), blocks = (Count + BlockRows - 1) / BlockRows;
        for (int b = 0; b < blocks; b++)
        {
            uint lanes = ApplicableLanes(b, facts);
            if (lanes == 0)
                continue;
            ref sbyte block = ref Unsafe.Add(ref keys, b * blockBytes);
            ScanBlock(ref scan, ref block, b, lanes, QuantisedKeyBlocks.Dot(ref block, ref MemoryMarshal.GetReference(codes), _paddedDimension, path));
        }
        return Finish(ref scan, ref rescoredBlocks);
    }

    /// <summary>The two-pass search of four queries, each block of quantised keys read once for all; false when a query gets no interval.</summary>
    private bool SearchFourQuantised(ReadOnlySpan<float> queries, ReadOnlySpan<Facts> facts, Span<int> ids, Span<float> scores, Span<int> counts,
        ByteDotPath path, ref int rescoredBlocks)
    {
        int k = ids.Length / 4, padded = _paddedDimension;
        Span<sbyte> codes = stackalloc sbyte[4 * padded];
        Span<QueryBounds> bounds = stackalloc QueryBounds[4];
        for (int j = 0; j < 4; j++)
        {
            if (!Prepare(queries.Slice(j * Dimension, Dimension), codes.Slice(j * padded, padded), path, out bounds[j]))
                return false;
        }
        Span<float> lower = stackalloc float[4 * k];
        Span<int> rows = stackalloc int[4 * CandidateCapacity];
        Span<float> uppers = stackalloc float[4 * CandidateCapacity];
        Span<Vector512<int>> dots = stackalloc Vector512<int>[4];
        Span<uint> lanes = stackalloc uint[4];
        ref sbyte keys = ref MemoryMarshal.GetArrayDataReference(_codes);
        int blockBytes = QuantisedKeyBlocks.BlockBytes(padded), blocks = (Count + BlockRows - 1) / BlockRows;
        for (int b = 0; b < blocks; b++)
        {
            if (ApplicableLanes(b, facts, lanes) == 0)
                continue;
            ref sbyte block = ref Unsafe.Add(ref keys, b * blockBytes);
            QuantisedKeyBlocks.Dot4(ref block, ref MemoryMarshal.GetReference(codes), padded, path, dots);
            for (int j = 0; j < 4; j++)
            {
                if (lanes[j] == 0)
                    continue;
                var scan = Scan.Of(j, bounds, queries, lower, rows, uppers, ids, scores);
                ScanBlock(ref scan, ref block, b, lanes[j], dots[j]);
            }
        }
        for (int j = 0; j < 4; j++)
        {
            var scan = Scan.Of(j, bounds, queries, lower, rows, uppers, ids, scores);
            counts[j] = Finish(ref scan, ref rescoredBlocks);
        }
        return true;
    }

    /// <summary>Quantises a query (into <paramref name="path"/>'s form) and works out the parts of its interval that do not depend on the key.</summary>
    private bool Prepare(ReadOnlySpan<float> query, Span<sbyte> codes, ByteDotPath path, out QueryBounds bounds)
    {
        bounds = default;
        float norm = TensorPrimitives.Norm(query);
        if (norm is not (>= SmallestNorm and <= LargestNorm))
            return false;
        float scale = QuantisedKeyBlocks.Quantise(query, codes, out float error);
        QuantisedKeyBlocks.ToQueryForm(codes, path);
        float rounding = (Dimension + 64) / (float)(1 << 22);
        bounds = new QueryBounds
        {
            Norm = norm, Scale = scale, Reach = error + rounding * (norm + error),
            Floor = float.NegativeInfinity, Threshold = float.NegativeInfinity,
        };
        return true;
    }

    /// <summary>
    /// One block of the first pass: the interval of each applicable key; lower ends above the k-th best so far
    /// join the floor heap, and keys whose upper end reaches the threshold are kept for the second pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void ScanBlock(scoped ref Scan scan, ref sbyte codes, int block, uint lanes, Vector512<int> dots)
    {
        ref QueryBounds query = ref scan.Bounds;
        int first = block * BlockRows;
        Vector512<float> denominator = Interval(in query, ref codes, dots, out Vector512<float> low, out Vector512<float> high);
        // Comparisons multiply rather than divide; a key without an interval has an infinite or NaN reach, which
        // never raises the floor and always passes as a candidate. Candidates are tested against the threshold
        // before this block's lower ends raise it (still a valid threshold), so that the rare work below is the
        // only call, and the common path keeps everything in registers.
        uint raise = lanes & (uint)Vector512.GreaterThan(low, Vector512.Create(query.Floor) * denominator).ExtractMostSignificantBits();
        uint candidates = lanes & ~(uint)Vector512.LessThan(high, Vector512.Create(query.Threshold) * denominator).ExtractMostSignificantBits();
        if ((raise | candidates) != 0)
            RaiseAndKeep(ref scan, first, raise, low / denominator, candidates, high / denominator);
    }

    /// <summary>
    /// The interval of the 16 keys of the block of quantised keys at <paramref name="codes"/> given their integer
    /// dot products: returns the one-pass search's denominators (computed the same way, from the same norms), and
    /// the ends times them in <paramref name="low"/> and <paramref name="high"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<float> Interval(in QueryBounds query, ref sbyte codes, Vector512<int> dots, out Vector512<float> low, out Vector512<float> high)
    {
        Vector512<float> keyNorms = QuantisedKeyBlocks.NormsOf(ref codes, _paddedDimension);
        Vector512<float> errors = QuantisedKeyBlocks.ErrorsOf(ref codes, _paddedDimension);
        Vector512<float> scales = QuantisedKeyBlocks.ScalesOf(ref codes, _paddedDimension);
        Vector512<float> queryNorm = Vector512.Create(query.Norm);
        Vector512<float> estimate = Vector512.ConvertToSingle(dots) * (Vector512.Create(query.Scale) * scales);
        Vector512<float> reach = Vector512.FusedMultiplyAdd(queryNorm, errors, Vector512.Create(query.Reach) * (keyNorms + errors));
        (low, high) = (estimate - reach, estimate + reach);
        return queryNorm * keyNorms + Vector512.Create(Epsilon);
    }

    /// <summary>
    /// The first pass's interval for the similarity of <paramref name="query"/> and the key <paramref name="id"/>
    /// (for tests: the one-pass search's score must lie inside); false when either gets no interval.
    /// </summary>
    internal bool Interval(ReadOnlySpan<float> query, int id, out float lower, out float upper)
    {
        CheckKey(query);
        (lower, upper) = (float.NegativeInfinity, float.PositiveInfinity);
        Span<sbyte> codes = stackalloc sbyte[_paddedDimension];
        int row = RowOf(id), first = row / BlockRows * BlockRows;
        if (!KeepsCodes || !Prepare(query, codes, ByteDotPath.Scalar, out QueryBounds bounds)
            || float.IsInfinity(QuantisedKeyBlocks.Error(_codes, row, _paddedDimension)))
            return false;
        ref sbyte block = ref _codes[row / BlockRows * QuantisedKeyBlocks.BlockBytes(_paddedDimension)];
        Vector512<int> dots = QuantisedKeyBlocks.Dot(ref block, ref MemoryMarshal.GetReference(codes), _paddedDimension, ByteDotPath.Scalar);
        Vector512<float> denominator = Interval(in bounds, ref block, dots, out Vector512<float> low, out Vector512<float> high);
        (lower, upper) = ((low / denominator).GetElement(row - first), (high / denominator).GetElement(row - first));
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RaiseAndKeep(scoped ref Scan scan, int first, uint raise, Vector512<float> lowers, uint candidates, Vector512<float> uppers)
    {
        if (raise != 0)
            RaiseFloor(ref scan, raise, lowers);
        if (candidates != 0)
            Keep(ref scan, first, candidates, uppers);
    }

    /// <summary>
    /// Sets the floor (the k-th largest lower end) and the threshold, a similarity the k-th best reaches: the floor,
    /// or the k-th best exact score found by a second pass that had to make room early (NaN, ranked lowest, says nothing).
    /// </summary>
    private static void UpdateThreshold(scoped ref Scan scan)
    {
        ref QueryBounds query = ref scan.Bounds;
        int k = scan.Ids.Length;
        query.Floor = query.Lowers == k ? scan.Lower[0] : float.NegativeInfinity;
        query.Threshold = query.Found == k && scan.Scores[0] > query.Floor ? scan.Scores[0] : query.Floor;
    }

    /// <summary>Pushes the marked lanes' lower ends onto the heap of the k largest (smallest at the root).</summary>
    private static void RaiseFloor(scoped ref Scan scan, uint lanes, Vector512<float> lowers)
    {
        Span<float> heap = scan.Lower;
        ref int count = ref scan.Bounds.Lowers;
        while (lanes != 0)
        {
            float value = lowers.GetElement(BitOperations.TrailingZeroCount(lanes));
            lanes &= lanes - 1;
            int i;
            if (count < heap.Length)
            {
                for (i = count++; i > 0 && heap[(i - 1) / 2] > value; i = (i - 1) / 2)
                    heap[i] = heap[(i - 1) / 2];
            }
            else if (value > heap[0])
            {
                for (i = 0; ;)
                {
                    int child = 2 * i + 1;
                    if (child >= count)
                        break;
                    if (child + 1 < count && heap[child + 1] < heap[child])
                        child++;
                    if (heap[child] >= value)
                        break;
                    heap[i] = heap[child];
                    i = child;
                }
            }
            else
                continue;
            heap[i] = value;
        }
        UpdateThreshold(ref scan);
    }

    /// <summary>Keeps the marked lanes, with their upper ends, for the second pass.</summary>
    private void Keep(scoped ref Scan scan, int first, uint lanes, Vector512<float> uppers)
    {
        ref int count = ref scan.Bounds.Candidates;
        while (lanes != 0)
        {
            int lane = BitOperations.TrailingZeroCount(lanes);
            lanes &= lanes - 1;
            if (count == scan.Rows.Length && Compact(ref scan) > scan.Rows.Length / 2)
            {
                // Many keys still in reach (near-duplicates, or k near the number of keys): score them now.
                Rescore(ref scan, count);
                count = 0;
            }
            scan.Rows[count] = first + lane;
            scan.Uppers[count++] = uppers.GetElement(lane);
        }
    }

    /// <summary>Drops the kept keys the threshold has overtaken; returns how many remain.</summary>
    private static int Compact(scoped ref Scan scan)
    {
        float threshold = scan.Bounds.Threshold;
        int kept = 0;
        for (int i = 0; i < scan.Bounds.Candidates; i++)
        {
            if (scan.Uppers[i] < threshold)
                continue;
            scan.Rows[kept] = scan.Rows[i];
            scan.Uppers[kept++] = scan.Uppers[i];
        }
        return scan.Bounds.Candidates = kept;
    }

    /// <summary>The second pass: scores the kept keys that still reach the threshold, then sorts the results.</summary>
    private int Finish(scoped ref Scan scan, ref int rescoredBlocks)
    {
        Rescore(ref scan, Compact(ref scan));
        rescoredBlocks += scan.Bounds.Rescored;
        int found = scan.Bounds.Found;
        SortBestFirst(scan.Ids[..found], scan.Scores[..found]);
        return found;
    }

    /// <summary>Scores the first <paramref name="count"/> kept keys (in row order) exactly, a block at a time, into the results heap.</summary>
    private void Rescore(scoped ref Scan scan, int count)
    {
        Span<float> dots = stackalloc float[BlockRows];
        ReadOnlySpan<float> keys = _keys;
        int blockLength = BlockRows * Dimension;
        for (int i = 0; i < count;)
        {
            int block = scan.Rows[i] / BlockRows;
            uint lanes = 0;
            for (; i < count && scan.Rows[i] / BlockRows == block; i++)
                lanes |= 1u << (scan.Rows[i] % BlockRows);
            KeyBlocks.BlockDot(keys.Slice(block * blockLength, blockLength), scan.Query, dots);
            Offer(lanes, block, dots, scan.Bounds.Norm, scan.Ids, scan.Scores, ref scan.Bounds.Found);
            scan.Bounds.Rescored++;
        }
        UpdateThreshold(ref scan);
    }

    /// <summary>One query's quantisation and its progress through the two passes.</summary>
    private struct QueryBounds
    {
        /// <summary>The query's norm as the one-pass search computes it.</summary>
        public float Norm;

        /// <summary>The query's quantisation scale.</summary>
        public float Scale;

        /// <summary><c>Eq + g·(Nq + Eq)</c>, the factor of <c>Nk + Ek</c> in the interval's half-width.</summary>
        public float Reach;

        /// <summary>The k-th largest lower end so far (minus infinity until there are k).</summary>
        public float Floor;

        /// <summary>A similarity the k-th best reaches (see <see cref="UpdateThreshold"/>).</summary>
        public float Threshold;

        /// <summary>Lower ends held, candidates kept, results found, float blocks scored.</summary>
        public int Lowers, Candidates, Found, Rescored;
    }

    /// <summary>One query's buffers for the two passes (all the caller's or the stack's).</summary>
    private ref struct Scan(ref QueryBounds bounds, ReadOnlySpan<float> query, Span<float> lower, Span<int> rows, Span<float> uppers, Span<int> ids, Span<float> scores)
    {
        public ref QueryBounds Bounds = ref bounds;
        public readonly ReadOnlySpan<float> Query = query;
        public readonly Span<float> Lower = lower;
        public readonly Span<int> Rows = rows;
        public readonly Span<float> Uppers = uppers;
        public readonly Span<int> Ids = ids;
        public readonly Span<float> Scores = scores;

        /// <summary>Query <paramref name="j"/>'s share of a batch of four.</summary>
        public static Scan Of(int j, Span<QueryBounds> bounds, ReadOnlySpan<float> queries, Span<float> lower, Span<int> rows, Span<float> uppers,
            Span<int> ids, Span<float> scores)
        {
            int dimension = queries.Length / 4, k = ids.Length / 4;
            return new Scan(ref bounds[j], queries.Slice(j * dimension, dimension), lower.Slice(j * k, k),
                rows.Slice(j * CandidateCapacity, CandidateCapacity), uppers.Slice(j * CandidateCapacity, CandidateCapacity),
                ids.Slice(j * k, k), scores.Slice(j * k, k));
        }
    }
}
