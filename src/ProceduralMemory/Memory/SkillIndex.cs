using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// A retrieval index over skill keys: every key in one contiguous float matrix (<see cref="KeyBlocks"/> layout),
/// each with its norm and its preconditions as two bit masks. A search keeps the applicable keys most
/// cosine-similar to a query, ties broken by ascending id, in a bounded heap held in the caller's buffers: it
/// reads the matrix once and allocates nothing. Batches of queries share each read of the matrix.
/// </summary>
/// <remarks>
/// Similarity is the seed's cosine, <c>dot(q, k) / (|q|·|k| + 1e-8)</c>, with the dot product summed in the
/// order <see cref="KeyBlocks"/> documents. Searching is safe from many threads at once; changing the index is
/// not safe while anyone searches or changes it.
/// </remarks>
public sealed partial class SkillIndex
{
    private const int BlockRows = KeyBlocks.BlockRows;
    private const float Epsilon = 1e-8f;
    // 2^-20: far wider than the 2^-24 relative rounding of a float product or quotient.
    private const float Margin = 1f / (1 << 20);

    private readonly Dictionary<int, int> _rowOf = [];
    private float[] _keys = [];
    private float[] _norms = [];
    private ulong[] _masks = [];
    private ulong[] _values = [];
    // Per block: no key there (nor any stale row past the last) has a precondition, so the filter need not read them.
    private bool[] _unconditional = [];
    private int[] _ids = [];

    /// <summary>Creates an empty index for keys of <paramref name="dimension"/> numbers.</summary>
    public SkillIndex(int dimension, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Dimension = dimension;
        _paddedDimension = QuantisedKeyBlocks.PaddedDimension(dimension);
        _firstPass = DefaultFirstPass(dimension);
        EnsureCapacity(capacity);
    }

    /// <summary>The length of every key.</summary>
    public int Dimension { get; }

    /// <summary>The number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes of the float key matrix (whole blocks).</summary>
    public long KeyBytes => (long)KeyBlocks.Length(Count, Dimension) * sizeof(float);

    /// <summary>
    /// The bytes a search's pass over every key reads (whole blocks): the quantised keys with each key's offset,
    /// scale, error bound and norm when the index searches in two passes, otherwise the float keys and norms; and
    /// the preconditions of the blocks where some key has any. Blocks of float keys read again to score candidates exactly come on top.
    /// </summary>
    public long ScanBytes
    {
        get
        {
            int blocks = (Count + BlockRows - 1) / BlockRows;
            long rows = (long)blocks * BlockRows, preconditions = _unconditional.AsSpan(0, blocks).Count(false) * (long)BlockRows * 2 * sizeof(ulong);
            return FirstPass is null
                ? KeyBytes + rows * sizeof(float) + preconditions
                : QuantisedKeyBlocks.Length(Count, Dimension) + preconditions;
        }
    }

    /// <summary>True when a key with id <paramref name="id"/> is held.</summary>
    public bool Contains(int id) => _rowOf.ContainsKey(id);

    /// <summary>Makes room for <paramref name="capacity"/> keys without further allocation.</summary>
    public void EnsureCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity <= _ids.Length)
            return;
        // The quantised matrix's bytes per key (codes and four numbers) are at least the float matrix's numbers.
        int perRow = KeepsCodes ? QuantisedKeyBlocks.BlockBytes(_paddedDimension) / BlockRows : Dimension;
        int rows = (int)Math.Min(Array.MaxLength / perRow / BlockRows * BlockRows,
            Math.Max(capacity, 2L * _ids.Length) + BlockRows - 1) / BlockRows * BlockRows;
        if (rows < capacity)
            throw new OutOfMemoryException($"{capacity} keys of {Dimension} numbers do not fit one array.");
        Array.Resize(ref _keys, KeyBlocks.Length(rows, Dimension));
        Array.Resize(ref _norms, rows);
        Array.Resize(ref _masks, rows);
        Array.Resize(ref _values, rows);
        Array.Resize(ref _unconditional, rows / BlockRows);
        Array.Resize(ref _ids, rows);
        if (KeepsCodes)
        {
            Array.Resize(ref _codes, QuantisedKeyBlocks.Length(rows, Dimension));
        }
    }

    /// <summary>Adds <paramref name="key"/> under <paramref name="id"/>, applicable where <paramref name="preconditions"/> hold.</summary>
    /// <exception cref="ArgumentException">The id is already held, or the key has the wrong length.</exception>
    public void Add(int id, ReadOnlySpan<float> key, FactCondition preconditions)
    {
        CheckKey(key);
        if (_rowOf.ContainsKey(id))
            throw new ArgumentException($"The index already holds a key with id {id}.", nameof(id));
        EnsureCapacity(Count + 1);
        int row = Count++;
        _rowOf[id] = row;
        _ids[row] = id;
        WriteRow(row, key, preconditions);
    }

    /// <summary>Adds or replaces the key with id <paramref name="id"/>.</summary>
    public void Set(int id, ReadOnlySpan<float> key, FactCondition preconditions)
    {
        CheckKey(key);
        if (_rowOf.TryGetValue(id, out int row))
            WriteRow(row, key, preconditions);
        else
            Add(id, key, preconditions);
    }

    /// <summary>Replaces the key of <paramref name="id"/>, keeping its preconditions.</summary>
    /// <exception cref="KeyNotFoundException">No key has that id.</exception>
    public void UpdateKey(int id, ReadOnlySpan<float> key)
    {
        CheckKey(key);
        int row = RowOf(id);
        WriteRow(row, key, new FactCondition(_masks[row], _values[row]));
    }

    /// <summary>Copies the key of <paramref name="id"/> into <paramref name="destination"/>.</summary>
    public void CopyKey(int id, Span<float> destination)
    {
        CheckKey(destination);
        KeyBlocks.Read(_keys, RowOf(id), destination);
    }

    /// <summary>Removes the key with id <paramref name="id"/>; returns whether there was one.</summary>
    public bool Remove(int id)
    {
        if (!_rowOf.Remove(id, out int row))
            return false;
        int last = --Count;
        if (row != last)
        {
            // The last row fills the hole, so the matrix stays dense; order does not matter, ties go by id.
            Span<float> key = Dimension <= 1024 ? stackalloc float[Dimension] : new float[Dimension];
            KeyBlocks.Read(_keys, last, key);
            KeyBlocks.Write(_keys, row, key);
            MoveCodes(last, row);
            (_norms[row], _masks[row], _values[row], _ids[row]) = (_norms[last], _masks[last], _values[last], _ids[last]);
            NoteConditions(row / BlockRows);
            _rowOf[_ids[row]] = row;
        }
        return true;
    }

    /// <summary>Removes every key (keeping the memory).</summary>
    public void Clear()
    {
        _rowOf.Clear();
        Count = 0;
    }

    /// <summary>
    /// Finds the at most <c>ids.Length</c> keys applicable in <paramref name="facts"/> most cosine-similar to
    /// <paramref name="query"/>, best first (ties by ascending id): their ids go to <paramref name="ids"/> and their
    /// similarities to <paramref name="scores"/>. Returns how many were found. Allocates nothing.
    /// </summary>
    public int Search(ReadOnlySpan<float> query, Facts facts, Span<int> ids, Span<float> scores)
    {
        int rescoredBlocks = 0;
        return SearchAndCount(query, facts, ids, scores, ref rescoredBlocks);
    }

    /// <summary><see cref="Search(ReadOnlySpan{float}, Facts, Span{int}, Span{float})"/>, counting the blocks of float keys read again to score candidates.</summary>
    internal int SearchAndCount(ReadOnlySpan<float> query, Facts facts, Span<int> ids, Span<float> scores, ref int rescoredBlocks)
    {
        CheckKey(query);
        if (scores.Length != ids.Length)
            throw new ArgumentException($"Ids and scores differ in length ({ids.Length} and {scores.Length}).", nameof(scores));
        if (ids.IsEmpty || Count == 0)
            return 0;
        if (ids.Length <= MaxQuantisedTopK && FirstPass is { } path)
        {
            int found = SearchQuantised(query, facts.Bits, ids, scores, path, ref rescoredBlocks);
            if (found >= 0)
                return found;
        }
        return SearchExact(query, facts.Bits, ids, scores);
    }

    /// <summary>One pass that scores every applicable key exactly.</summary>
    private int SearchExact(ReadOnlySpan<float> query, ulong facts, Span<int> ids, Span<float> scores)
    {
        float queryNorm = TensorPrimitives.Norm(query);
        ReadOnlySpan<float> keys = _keys;
        int blockLength = BlockRows * Dimension, blocks = (Count + BlockRows - 1) / BlockRows, size = 0;
        Span<float> dots = stackalloc float[BlockRows];
        for (int b = 0; b < blocks; b++)
        {
            uint lanes = ApplicableLanes(b, facts);
            if (lanes == 0)
                continue;
            KeyBlocks.BlockDot(keys.Slice(b * blockLength, blockLength), query, dots);
            lanes &= CandidateLanes(dots, queryNorm, b, size == ids.Length ? scores[0] : float.NegativeInfinity);
            if (lanes != 0)
                Offer(lanes, b, dots, queryNorm, ids, scores, ref size);
        }
        SortBestFirst(ids[..size], scores[..size]);
        return size;
    }

    /// <summary>
    /// <see cref="Search"/> for <c>counts.Length</c> queries at once, reading the key matrix once per four
    /// queries (any remainder goes one by one). Query <c>i</c> is <c>queries[i*Dimension..]</c> with facts <c>facts[i]</c>; its results go to
    /// the <c>i</c>-th equal share of <paramref name="ids"/> and <paramref name="scores"/> (which sets k), and
    /// how many it found to <c>counts[i]</c>. Results equal those of <see cref="Search"/> bit for bit.
    /// </summary>
    public void SearchBatch(ReadOnlySpan<float> queries, ReadOnlySpan<Facts> facts, Span<int> ids, Span<float> scores, Span<int> counts)
    {
        int rescoredBlocks = 0;
        SearchBatchAndCount(queries, facts, ids, scores, counts, ref rescoredBlocks);
    }

    /// <summary><see cref="SearchBatch(ReadOnlySpan{float}, ReadOnlySpan{Facts}, Span{int}, Span{float}, Span{int})"/>, counting the blocks of float keys read again to score candidates.</summary>
    internal void SearchBatchAndCount(ReadOnlySpan<float> queries, ReadOnlySpan<Facts> facts, Span<int> ids, Span<float> scores, Span<int> counts, ref int rescoredBlocks)
    {
        int n = counts.Length;
        if (queries.Length != n * Dimension)
            throw new ArgumentException($"{n} queries of {Dimension} numbers are {n * Dimension} numbers; got {queries.Length}.", nameof(queries));
        if (facts.Length != n)
            throw new ArgumentException($"Expected facts for each of {n} queries, got {facts.Length}.", nameof(facts));
        if (scores.Length != ids.Length || (n > 0 && ids.Length % n != 0))
            throw new ArgumentException($"Ids and scores must be equal shares for {n} queries (got {ids.Length} and {scores.Length}).", nameof(ids));
        if (n == 0)
            return;
        int k = ids.Length / n;
        int q = 0;
        for (; q + 4 <= n && k > 0 && Count > 0; q += 4)
        {
            ReadOnlySpan<float> four = queries.Slice(q * Dimension, 4 * Dimension);
            Span<int> fourIds = ids.Slice(q * k, 4 * k);
            Span<float> fourScores = scores.Slice(q * k, 4 * k);
            if (k > MaxQuantisedTopK || FirstPass is not { } path
                || !SearchFourQuantised(four, facts.Slice(q, 4), fourIds, fourScores, counts.Slice(q, 4), path, ref rescoredBlocks))
                SearchFour(four, facts.Slice(q, 4), fourIds, fourScores, counts.Slice(q, 4));
        }
        for (; q < n; q++)
            counts[q] = SearchAndCount(queries.Slice(q * Dimension, Dimension), facts[q], ids.Slice(q * k, k), scores.Slice(q * k, k), ref rescoredBlocks);
    }

    private void SearchFour(ReadOnlySpan<float> queries, ReadOnlySpan<Facts> facts, Span<int> ids, Span<float> scores, Span<int> counts)
    {
        int k = ids.Length / 4;
        Span<float> norms = stackalloc float[4];
        for (int j = 0; j < 4; j++)
        {
            norms[j] = TensorPrimitives.Norm(queries.Slice(j * Dimension, Dimension));
            counts[j] = 0;
        }
        ReadOnlySpan<float> keys = _keys;
        int blockLength = BlockRows * Dimension, blocks = (Count + BlockRows - 1) / BlockRows;
        Span<float> results = stackalloc float[4 * BlockRows];
        Span<uint> lanes = stackalloc uint[4];
        for (int b = 0; b < blocks; b++)
        {
            if (ApplicableLanes(b, facts, lanes) == 0)
                continue;
            KeyBlocks.BlockDot(keys.Slice(b * blockLength, blockLength), 1, queries, 4, results);
            for (int j = 0; j < 4; j++)
            {
                if (lanes[j] == 0)
                    continue;
                Span<int> heapIds = ids.Slice(j * k, k);
                Span<float> heapScores = scores.Slice(j * k, k);
                ReadOnlySpan<float> dots = results.Slice(j * BlockRows, BlockRows);
                int size = counts[j];
                uint candidates = lanes[j] & CandidateLanes(dots, norms[j], b, size == k ? heapScores[0] : float.NegativeInfinity);
                if (candidates == 0)
                    continue;
                Offer(candidates, b, dots, norms[j], heapIds, heapScores, ref size);
                counts[j] = size;
            }
        }
        for (int j = 0; j < 4; j++)
            SortBestFirst(ids.Slice(j * k, counts[j]), scores.Slice(j * k, counts[j]));
    }

    /// <summary>
    /// <see cref="ApplicableLanes(int, ulong)"/> for four queries into <paramref name="lanes"/>; returns the union.
    /// Queries of one batch usually share their facts (one agent, one state), so equal neighbours filter once.
    /// </summary>
    private uint ApplicableLanes(int block, ReadOnlySpan<Facts> facts, Span<uint> lanes)
    {
        uint any = 0;
        for (int j = 0; j < 4; j++)
        {
            lanes[j] = j > 0 && facts[j] == facts[j - 1] ? lanes[j - 1] : ApplicableLanes(block, facts[j].Bits);
            any |= lanes[j];
        }
        return any;
    }

    /// <summary>Bit <c>i</c> set when row <c>16·block + i</c> exists and its preconditions hold in <paramref name="facts"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint ApplicableLanes(int block, ulong facts)
    {
        int first = block * BlockRows;
        uint valid = Count - first >= BlockRows ? 0xFFFFu : (1u << (Count - first)) - 1;
        if (_unconditional[block])
            return valid;
        ref ulong masks = ref MemoryMarshal.GetArrayDataReference(_masks);
        ref ulong values = ref MemoryMarshal.GetArrayDataReference(_values);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<ulong> f = Vector512.Create(facts);
            uint low = (uint)Vector512.Equals((f ^ Vector512.LoadUnsafe(ref values, (nuint)first)) & Vector512.LoadUnsafe(ref masks, (nuint)first), Vector512<ulong>.Zero).ExtractMostSignificantBits();
            uint high = (uint)Vector512.Equals((f ^ Vector512.LoadUnsafe(ref values, (nuint)first + 8)) & Vector512.LoadUnsafe(ref masks, (nuint)first + 8), Vector512<ulong>.Zero).ExtractMostSignificantBits();
            return (low | high << 8) & valid;
        }
        uint lanes = 0;
        for (int i = 0; i < BlockRows; i++)
            if (((facts ^ Unsafe.Add(ref values, first + i)) & Unsafe.Add(ref masks, first + i)) == 0)
                lanes |= 1u << i;
        return lanes & valid;
    }

    /// <summary>
    /// The lanes of a block whose similarity <c>dot / (|q|·|k| + ε)</c> may reach <paramref name="threshold"/>: a
    /// superset, tested without dividing as <c>dot ≥ threshold·(|q|·|k| + ε)</c> less a margin wider than the
    /// rounding of either side, so that only the few lanes that pass pay for a division. NaN passes, so that the
    /// exact comparison decides about it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint CandidateLanes(ReadOnlySpan<float> block, float queryNorm, int blockIndex, float threshold)
    {
        ref float dots = ref MemoryMarshal.GetReference(block);
        ref float norms = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_norms), blockIndex * BlockRows);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> bound = Vector512.Create(threshold) * (Vector512.Create(queryNorm) * Vector512.LoadUnsafe(ref norms) + Vector512.Create(Epsilon));
            bound -= Vector512.Abs(bound) * Vector512.Create(Margin);
            return ~(uint)Vector512.LessThan(Vector512.LoadUnsafe(ref dots), bound).ExtractMostSignificantBits() & 0xFFFFu;
        }
        if (Vector256.IsHardwareAccelerated)
        {
            uint lanes = 0;
            for (int half = 0; half < BlockRows; half += 8)
            {
                Vector256<float> bound = Vector256.Create(threshold) * (Vector256.Create(queryNorm) * Vector256.LoadUnsafe(ref norms, (nuint)half) + Vector256.Create(Epsilon));
                bound -= Vector256.Abs(bound) * Vector256.Create(Margin);
                lanes |= (~Vector256.LessThan(Vector256.LoadUnsafe(ref dots, (nuint)half), bound).ExtractMostSignificantBits() & 0xFFu) << half;
            }
            return lanes;
        }
        uint result = 0;
        for (int i = 0; i < BlockRows; i++)
        {
            float bound = threshold * (queryNorm * Unsafe.Add(ref norms, i) + Epsilon);
            if (!(block[i] < bound - Math.Abs(bound) * Margin))
                result |= 1u << i;
        }
        return result;
    }

    /// <summary>Offers the marked lanes of a block to the heap of the best <c>ids.Length</c> so far (worst at the root).</summary>
    private void Offer(uint lanes, int block, ReadOnlySpan<float> dots, float queryNorm, Span<int> ids, Span<float> scores, ref int size)
    {
        while (lanes != 0)
        {
            int lane = BitOperations.TrailingZeroCount(lanes);
            lanes &= lanes - 1;
            int row = block * BlockRows + lane, id = _ids[row];
            float score = dots[lane] / (queryNorm * _norms[row] + Epsilon);
            if (size < ids.Length)
            {
                ids[size] = id;
                scores[size] = score;
                SiftUp(ids, scores, size++);
            }
            else if (Better(score, id, scores[0], ids[0]))
            {
                ids[0] = id;
                scores[0] = score;
                SiftDown(ids, scores, 0, size);
            }
        }
    }

    /// <summary>Higher similarity first (NaN lowest, as <see cref="float.CompareTo(float)"/> orders it), then lower id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Better(float score, int id, float otherScore, int otherId)
    {
        int compared = score.CompareTo(otherScore);
        return compared > 0 || (compared == 0 && id < otherId);
    }

    private static void SiftUp(Span<int> ids, Span<float> scores, int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Better(scores[parent], ids[parent], scores[i], ids[i]))
                return;
            Swap(ids, scores, i, parent);
            i = parent;
        }
    }

    private static void SiftDown(Span<int> ids, Span<float> scores, int i, int size)
    {
        while (true)
        {
            int worst = i, left = 2 * i + 1, right = left + 1;
            if (left < size && Better(scores[worst], ids[worst], scores[left], ids[left]))
                worst = left;
            if (right < size && Better(scores[worst], ids[worst], scores[right], ids[right]))
                worst = right;
            if (worst == i)
                return;
            Swap(ids, scores, i, worst);
            i = worst;
        }
    }

    /// <summary>Heap sort: taking the worst off the root to the back leaves the best at the front.</summary>
    private static void SortBestFirst(Span<int> ids, Span<float> scores)
    {
        for (int end = ids.Length - 1; end > 0; end--)
        {
            Swap(ids, scores, 0, end);
            SiftDown(ids, scores, 0, end);
        }
    }

    private static void Swap(Span<int> ids, Span<float> scores, int a, int b)
    {
        (ids[a], ids[b]) = (ids[b], ids[a]);
        (scores[a], scores[b]) = (scores[b], scores[a]);
    }

    private void WriteRow(int row, ReadOnlySpan<float> key, FactCondition preconditions)
    {
        KeyBlocks.Write(_keys, row, key);
        _norms[row] = TensorPrimitives.Norm(key);
        WriteCodes(row, key, _norms[row]);
        _masks[row] = preconditions.Mask;
        _values[row] = preconditions.Values & preconditions.Mask;
        NoteConditions(row / BlockRows);
    }

    private void NoteConditions(int block)
    {
        ulong any = 0;
        foreach (ulong mask in _masks.AsSpan(block * BlockRows, BlockRows))
            any |= mask;
        _unconditional[block] = any == 0;
    }

    private int RowOf(int id) =>
        _rowOf.TryGetValue(id, out int row) ? row : throw new KeyNotFoundException($"The index holds no key with id {id}.");

    private void CheckKey(ReadOnlySpan<float> key)
    {
        if (key.Length != Dimension)
            throw new ArgumentException($"A key or query of {key.Length} numbers; this index's have {Dimension}.", nameof(key));
    }
}
