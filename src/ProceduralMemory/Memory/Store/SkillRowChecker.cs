namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Turns skill rows into checked records while they are still being read: each full chunk of rows is checked on the
/// thread pool while the backend reads the next, since checking (policy checksums above all) dominates a full load.
/// </summary>
/// <remarks>Not thread-safe: one reader adds rows, then calls <see cref="Finish"/> once.</remarks>
public sealed class SkillRowChecker
{
    private readonly int _dimension;
    private readonly List<Chunk> _chunks = [];
    private readonly List<Task> _checks = [];
    private Chunk _chunk = new();

    /// <summary>A checker for keys of <paramref name="dimension"/> numbers (negative: a store without a manifest, any length).</summary>
    public SkillRowChecker(int dimension) => _dimension = dimension;

    /// <summary>Adds the next row (rows are returned in the order added).</summary>
    public void Add(SkillRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _chunk.Add(row);
        if (!_chunk.IsFull)
            return;
        Chunk full = _chunk;
        int dimension = _dimension;
        _checks.Add(Task.Run(() => full.Check(dimension)));
        _chunks.Add(full);
        _chunk = new Chunk();
    }

    /// <summary>The records of every row added, in order.</summary>
    /// <param name="location">Where the rows were read (a path, or a server and database), for the message.</param>
    /// <exception cref="LibraryException">A row fails its checks: the first such by order, whichever thread found it, so the message does not depend on timing.</exception>
    public SkillRecord[] Finish(string location)
    {
        _chunk.Check(_dimension);
        _chunks.Add(_chunk);
        Task.WhenAll(_checks).GetAwaiter().GetResult();
        var records = new SkillRecord[_chunks.Sum(c => c.Count)];
        int at = 0;
        foreach (Chunk done in _chunks)
        {
            if (done.FirstProblem() is { } problem)
                throw new LibraryException($"skill {problem.Row.Id} ('{problem.Row.Name}') in {location} is damaged: {problem.Reason}");
            Array.Copy(done.Records, 0, records, at, done.Count);
            at += done.Count;
        }
        return records;
    }

    /// <summary>Consecutive rows, checked together on one thread.</summary>
    private sealed class Chunk
    {
        private const int Capacity = 256;

        private readonly SkillRow[] _rows = new SkillRow[Capacity];
        private readonly string?[] _problems = new string?[Capacity];

        public SkillRecord[] Records { get; } = new SkillRecord[Capacity];

        public int Count { get; private set; }

        public bool IsFull => Count == Capacity;

        public void Add(SkillRow row) => _rows[Count++] = row;

        public void Check(int dimension)
        {
            for (int i = 0; i < Count; i++)
            {
                try
                {
                    Records[i] = _rows[i].ToRecord(dimension);
                }
                catch (InvalidDataException e)
                {
                    _problems[i] = e.Message;
                }
            }
        }

        public (SkillRow Row, string Reason)? FirstProblem()
        {
            int bad = Array.FindIndex(_problems, 0, Count, p => p is not null);
            return bad < 0 ? null : (_rows[bad], _problems[bad]!);
        }
    }
}
