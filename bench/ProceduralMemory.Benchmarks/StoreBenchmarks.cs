using BenchmarkDotNet.Attributes;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.Benchmarks;

/// <summary>
/// The SQLite store on a library of realistic size: <see cref="SkillCount"/> skills, each with a 71x64x7 network
/// (about 20 KB) and a key of 32 floats, about 2 GB in all. The library is built once into the temp folder and reused
/// by later runs (building it takes about half a minute).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StoreBenchmarks
{
    private const int UpdatesPerCommit = 1000;
    private const int KeyLength = 32;

    private SqliteSkillStore _store = null!;
    private LibraryCommit[] _commits = null!;
    private int _next;

    [Params(100_000)]
    public int SkillCount { get; set; }

    private string LibraryPath => Path.Combine(Path.GetTempPath(), $"procmem-bench-{SkillCount}-skills.db");

    [GlobalSetup]
    public void Setup()
    {
        EnsureLibrary();
        _store = SqliteSkillStore.Open(LibraryPath);
        var rng = new Rng(3);
        _commits = [.. Enumerable.Range(0, 16).Select(_ => new LibraryCommit
        {
            Updates = [.. Enumerable.Range(0, UpdatesPerCommit).Select(_ => new SkillUpdate(rng.NextInt(SkillCount)) { AddUses = 1, AddSuccesses = 1 })],
        })];
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    /// <summary>One statistics update (uses and successes of an existing skill) within a commit of a thousand; the time is per update.</summary>
    [Benchmark(OperationsPerInvoke = UpdatesPerCommit)]
    public long StatisticsUpdate() => _store.Commit(_commits[_next++ % _commits.Length]).Change;

    /// <summary>Opening the library and reading every skill, each policy's checksum verified.</summary>
    [Benchmark]
    public int OpenAndLoad()
    {
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        return store.ReadChanges(0).Skills.Count;
    }

    private void EnsureLibrary()
    {
        if (File.Exists(LibraryPath))
        {
            using SqliteSkillStore existing = SqliteSkillStore.Open(LibraryPath, readOnly: true);
            if (existing.Manifest is not null && existing.ReadChanges(long.MaxValue).SkillIds.Count == SkillCount)
                return;
        }
        string building = LibraryPath + ".building";
        File.Delete(building);
        using (SqliteSkillStore store = SqliteSkillStore.Open(building))
        {
            store.Create(new LibraryManifest(LibraryManifest.GridDomain, ["has_key", "door_open", "at_goal"],
                ["left", "right", "forward", "pickup", "drop", "toggle", "done"], FeatureCount: 71, EmbeddingDimension: KeyLength,
                KeyModel: RandomProjectionKeyProvider.IdOf(1, KeyLength, 71)));
            var rng = new Rng(1);
            int[] sizes = [71, 64, 7];
            var parameters = new float[MlpWeights.ParameterCount(sizes)];
            for (int first = 0; first < SkillCount; first += 1000)
            {
                var skills = new List<NewSkill>();
                for (int i = first; i < Math.Min(first + 1000, SkillCount); i++)
                {
                    for (int p = 0; p < parameters.Length; p++)
                        parameters[p] = (float)rng.NextDouble() - 0.5f;
                    float[] key = [.. Enumerable.Range(0, KeyLength).Select(_ => (float)rng.NextDouble())];
                    skills.Add(new NewSkill(new SkillRecord
                    {
                        Name = $"skill-{i}",
                        // Distinct preconditions make every skill its own (the store merges equal preconditions and effects).
                        Preconditions = new FactCondition(~0UL, (ulong)i),
                        Effect = new FactCondition(2, 2),
                        Policy = MlpPolicyCodec.Store(new MlpWeights(sizes, HiddenActivation.Relu, parameters)),
                        Key = key,
                        StepLimit = 50,
                        Uses = 4,
                        Successes = 2,
                    }, []));
                }
                store.Commit(new LibraryCommit { NewSkills = skills });
            }
        }
        File.Move(building, LibraryPath, overwrite: true);
    }
}
