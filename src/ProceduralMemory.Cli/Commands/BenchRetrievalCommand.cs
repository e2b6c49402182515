using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text.Json;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench retrieval --skills N --dim D --queries Q [--top-k K] [--batch B] [--one-pass] [--seed S] [--json]</c>:
/// top-k search of a <see cref="SkillIndex"/> of random unit keys by random unit queries, all drawn from the seed,
/// timed on this thread next to the memory read bandwidth of one core; with <c>--json</c> the last line is
/// <c>{skills, dim, queries, seconds_per_query, gigabytes_per_second, memory_read_gigabytes_per_second, top_k, batch,
/// instruction_set, first_pass, rescored_blocks_per_query}</c>, where <c>gigabytes_per_second</c> counts every byte of
/// key data the searches read: each pass over the keys (<see cref="SkillIndex.ScanBytes"/>) and the float blocks a
/// second pass scored again.
/// </summary>
internal static class BenchRetrievalCommand
{
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(0.5);
    private static readonly TimeSpan MeasureTime = TimeSpan.FromSeconds(1);
    private const int MinimumRounds = 3;

    public static Command Create(CliConsole console)
    {
        Option<int> skills = CommonOptions.PositiveInt("--skills", "Number of skill keys in the index.", 10_000);
        Option<int> dim = CommonOptions.PositiveInt("--dim", "Numbers per key.", 64);
        Option<int> queries = CommonOptions.PositiveInt("--queries", "Distinct queries, searched in rounds until a second has passed.", 1000);
        Option<int> topK = CommonOptions.PositiveInt("--top-k", "Skills kept per query.", 8);
        Option<int> batch = CommonOptions.PositiveInt("--batch", "Queries searched together (one pass over the keys per batch).", 1);
        var onePass = new Option<bool>("--one-pass") { Description = "Score every key in one float pass (no quantised first pass)." };
        Option<int> seed = CommonOptions.Seed(1);
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("retrieval", "Time top-k similarity search over random unit keys (one thread), against the memory read bandwidth of one core.")
        {
            skills, dim, queries, topK, batch, onePass, seed, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(skills), parsed.GetValue(dim), parsed.GetValue(queries),
            parsed.GetValue(topK), parsed.GetValue(batch), parsed.GetValue(onePass), parsed.GetValue(seed), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, int skillCount, int dimension, int queryCount, int topK, int batch, bool onePass, int seed, bool json)
    {
        if ((long)skillCount * dimension > Array.MaxLength / 2)
            throw new UsageException($"--skills x --dim is {(long)skillCount * dimension} numbers; at most {Array.MaxLength / 2} fit one key matrix.");
        if ((long)queryCount * Math.Max(dimension, topK) > Array.MaxLength / 2)
            throw new UsageException($"--queries {queryCount} is too many for keys of {dimension} numbers.");
        batch = Math.Min(batch, queryCount);

        var rng = new Rng((ulong)seed);
        var index = new SkillIndex(dimension, skillCount);
        if (onePass)
            index.FirstPass = null;
        var key = new float[dimension];
        for (int i = 0; i < skillCount; i++)
        {
            RandomUnit(rng, key);
            index.Add(i, key, FactCondition.Always);
        }
        var queries = new float[queryCount * dimension];
        for (int q = 0; q < queryCount; q++)
            RandomUnit(rng, queries.AsSpan(q * dimension, dimension));
        var facts = new Facts[queryCount];
        var ids = new int[queryCount * topK];
        var scores = new float[queryCount * topK];
        var counts = new int[queryCount];

        int Round()
        {
            int rescoredBlocks = 0;
            for (int q = 0; q < queryCount; q += batch)
            {
                int n = Math.Min(batch, queryCount - q);
                index.SearchBatchAndCount(queries.AsSpan(q * dimension, n * dimension), facts.AsSpan(q, n),
                    ids.AsSpan(q * topK, n * topK), scores.AsSpan(q * topK, n * topK), counts.AsSpan(q, n), ref rescoredBlocks);
            }
            return rescoredBlocks;
        }

        // Untimed rounds first, until the JIT has replaced its first-tier code with optimised code.
        var warmUp = Stopwatch.StartNew();
        int rescored;
        do
            rescored = Round();
        while (warmUp.Elapsed < WarmUpTime);

        // The median round, not the best: other processes share this machine, and the median is what a caller sees.
        var rounds = new List<double>();
        var clock = Stopwatch.StartNew();
        while (rounds.Count < MinimumRounds || clock.Elapsed < MeasureTime)
        {
            long start = Stopwatch.GetTimestamp();
            Round();
            rounds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        rounds.Sort();
        double secondsPerQuery = rounds[rounds.Count / 2] / queryCount;
        // Every round searches the same queries, so it reads the same blocks again.
        int passesPerRound = (queryCount + batch - 1) / batch;
        double bytesPerRound = index.ScanBytes * (double)passesPerRound + rescored * (double)KeyBlocks.Length(KeyBlocks.BlockRows, dimension) * sizeof(float);
        double keyBytesPerSecond = bytesPerRound / rounds[rounds.Count / 2];
        string firstPass = index.FirstPass is null ? "float32" : "int8";
        double memoryBytesPerSecond = MemoryBandwidth.Measure();
        string instructionSet = Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : "scalar";

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"retrieval: {skillCount} skills x {dimension} numbers, {queryCount} queries, top {topK}, batches of {batch} ({instructionSet}, {firstPass} first pass): {secondsPerQuery * 1e6:0.00} us per query = {1 / secondsPerQuery:0} queries/s (median of {rounds.Count} rounds)"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  key data read: {index.ScanBytes / 1e6:0.##} MB per pass over the keys and {(double)rescored / queryCount:0.#} float blocks per query scored again, at {keyBytesPerSecond / 1e9:0.00} GB/s; one core reads memory at {memoryBytesPerSecond / 1e9:0.00} GB/s ({keyBytesPerSecond / memoryBytesPerSecond:0.00}x)"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  query 0's best: skill {(counts[0] > 0 ? ids[0] : -1)} at similarity {(counts[0] > 0 ? scores[0] : float.NaN):0.0000}"));
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                skills = skillCount,
                dim = dimension,
                queries = queryCount,
                seconds_per_query = secondsPerQuery,
                gigabytes_per_second = keyBytesPerSecond / 1e9,
                memory_read_gigabytes_per_second = memoryBytesPerSecond / 1e9,
                top_k = topK,
                batch,
                instruction_set = instructionSet,
                first_pass = firstPass,
                rescored_blocks_per_query = (double)rescored / queryCount,
            }));
        return ExitCodes.Ok;
    }

    /// <summary>Uniform entries on [-1, 1], scaled to unit length.</summary>
    private static void RandomUnit(Rng rng, Span<float> vector)
    {
        for (int i = 0; i < vector.Length; i++)
            vector[i] = (float)(2 * rng.NextDouble() - 1);
        VectorMath.NormalizeInPlace(vector);
    }
}
