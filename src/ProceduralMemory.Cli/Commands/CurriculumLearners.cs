using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Training.Transfer;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// The learners <c>procmem bench transfer --agent</c> can take through a curriculum, each a source of fresh learners
/// for one training seed. The procedural memory agent keeps its one library in a real SQLite file in a scratch
/// folder, deleted with it; PPO carries one pair of networks from task to task.
/// </summary>
internal sealed class CurriculumLearners : IDisposable
{
    private readonly string _folder;
    private readonly List<IDisposable> _stores = [];
    private int _created;

    private CurriculumLearners(string folder) => _folder = folder;

    /// <summary>Every learner's name.</summary>
    public static IReadOnlyCollection<string> Names { get; } = ["ppo", "procmem"];

    /// <summary>Fresh learners of the kind called <paramref name="name"/> for training seed <paramref name="seed"/>.</summary>
    public Func<ICurriculumLearner> Factory(string name, int seed) => name switch
    {
        "procmem" => () => new ProceduralMemoryLearner(NewStore(), new ProceduralMemoryAgentOptions { Seed = (ulong)seed }),
        "ppo" => () => new PpoLearner(new PpoOptions { Seed = (ulong)seed }),
        _ => throw new ArgumentException($"unknown learner '{name}'", nameof(name)),
    };

    /// <summary>Learners whose scratch files live in a new folder under the system's temporary folder.</summary>
    public static CurriculumLearners InTemporaryFolder() =>
        new(Directory.CreateTempSubdirectory("procmem-transfer-").FullName);

    /// <summary>Closes every library and deletes the scratch folder.</summary>
    public void Dispose()
    {
        lock (_stores)
            foreach (IDisposable store in _stores)
                store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteSkillStore NewStore()
    {
        SqliteSkillStore store = SqliteSkillStore.Open(Path.Combine(_folder, $"library-{Interlocked.Increment(ref _created)}.db"));
        lock (_stores)
            _stores.Add(store);
        return store;
    }
}
