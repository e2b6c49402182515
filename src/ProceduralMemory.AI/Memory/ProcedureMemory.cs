using Microsoft.Extensions.AI;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Consolidation;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.AI.Memory;

/// <summary>
/// The operations every surface of procmem for language-model agents offers (the chat-client middleware, the MCP
/// server, the HTTP API) over one procedure library in any <see cref="ISkillStore"/>: recall the procedures that fit
/// a task, record a trajectory of tool calls (a success is a demonstration procedures are induced from; every stored
/// procedure the trajectory carried out counts a use), report the outcome of a procedure, list and read procedures.
/// </summary>
/// <remarks>
/// Safe to call from many threads: operations on the store are serialised (a SQLite connection serves one at a time),
/// and counts change by the store's atomic additions, so several processes sharing a library lose no update. The
/// in-memory index is re-read whenever the store reports a change, made here or by another process.
/// </remarks>
public sealed class ProcedureMemory
{
    /// <summary>The source name recorded demonstrations carry.</summary>
    public const string RecordedSource = "recorded";

    private readonly ISkillStore store;
    private readonly ToolCatalog? catalog;
    private readonly IReadOnlyList<ToolDefinition>? tools;
    private readonly Lock gate = new();
    private SkillLibrary? library;
    private long change = -1;
    private int recordedSuccesses;

    /// <summary>
    /// A memory over the procedure library in <paramref name="store"/>, created there for <paramref name="tools"/> if
    /// the store is empty. Keys embed text with <paramref name="embedder"/> (default: the built-in
    /// <see cref="HashedNgramEmbedder"/>), which must be the model the library's keys came from.
    /// </summary>
    /// <param name="store">The store; not disposed by the memory.</param>
    /// <param name="tools">
    /// The tools the agent calls, with their schemas and whether they change state; needed to record trajectories
    /// (calls are checked against the schemas, and sub-goals are the state-changing calls). Null to only recall,
    /// list and report outcomes on an existing library.
    /// </param>
    /// <param name="embedder">The embedding generator of the library's keys.</param>
    /// <param name="embeddingDimension">The number of numbers <paramref name="embedder"/> gives, when it is given and the library is new.</param>
    /// <param name="options">When to consolidate the library (default: only when <see cref="Consolidate"/> is called).</param>
    /// <exception cref="LibraryException">The store holds no library and no tools were given, or a library of other tools or keys.</exception>
    public ProcedureMemory(ISkillStore store, IReadOnlyList<ToolDefinition>? tools = null,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null, int embeddingDimension = HashedNgramEmbedder.DefaultDimension,
        ProcedureMemoryOptions? options = null)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        this.tools = tools;
        Options = options ?? new ProcedureMemoryOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(Options.ConsolidateEvery, nameof(options));
        if (tools is null)
        {
            Manifest = store.Manifest ?? throw new LibraryException("the library is empty: give the tools to create it, or learn procedures into it first");
            Keys = ProcedureLibrary.KeysFor(Manifest, embedder);
        }
        else
        {
            catalog = new ToolCatalog(tools);
            IKeyProvider<string> wanted = embedder is null
                ? ProcedureLibrary.DefaultKeys()
                : new EmbeddingKeyProvider(embedder, store.Manifest?.EmbeddingDimension ?? embeddingDimension);
            Manifest = ProcedureLibrary.Open(store, tools.Select(t => t.Name), wanted);
            Keys = ProcedureLibrary.KeysFor(Manifest, embedder);
        }
    }

    /// <summary>When the library is consolidated.</summary>
    public ProcedureMemoryOptions Options { get; }

    /// <summary>What the library was created for.</summary>
    public LibraryManifest Manifest { get; }

    /// <summary>The key provider of the library's keys.</summary>
    public IKeyProvider<string> Keys { get; }

    /// <summary>True when trajectories can be recorded (the tools were given).</summary>
    public bool CanRecord => catalog is not null;

    /// <summary>
    /// The at most <paramref name="k"/> procedures whose purposes are nearest to <paramref name="task"/> or to one of its
    /// clauses, with a cosine similarity of at least <paramref name="similarityFloor"/>, nearest first.
    /// </summary>
    /// <exception cref="ProcedureRequestException">The task is empty or <paramref name="k"/> is not positive.</exception>
    public IReadOnlyList<RecalledProcedure> Recall(string task, int k = 3, float similarityFloor = 0.2f)
    {
        if (string.IsNullOrWhiteSpace(task))
            throw new ProcedureRequestException("task must be a non-empty text");
        if (k < 1)
            throw new ProcedureRequestException($"k must be at least 1, not {k}");
        // A task often asks for several things ("return the lamp and cancel order #W1"): each clause recalls its own.
        string[] queries = [task, .. TextMentions.Clauses(task).Select(c => c.Text).Where(c => c != task)];
        float[][] keys = [.. queries.Select(Keys.KeyOf)];
        lock (gate)
        {
            SkillLibrary current = Current();
            var best = new Dictionary<int, (Skill Skill, float Similarity)>();
            foreach (float[] query in keys)
                foreach (Skill skill in current.Retrieve(default(ProceduralMemory.Environments.Facts), query, k))
                {
                    float similarity = VectorMath.CosineSimilarity(query, skill.Key);
                    if (similarity >= similarityFloor && (!best.TryGetValue(skill.Id, out var seen) || similarity > seen.Similarity))
                        best[skill.Id] = (skill, similarity);
                }
            return [.. best.Values.OrderByDescending(b => b.Similarity).ThenBy(b => b.Skill.Id).Take(k)
                .Select(b => new RecalledProcedure(ProcedureView.Of(b.Skill), b.Similarity))];
        }
    }

    /// <summary>
    /// Records a trajectory: the calls an agent made for <paramref name="task"/> and whether it succeeded. A success is a
    /// demonstration: procedures are induced from it (look-ups explained from the results the calls report) and stored,
    /// one of an identity already stored counting the demonstration instead. Every active procedure whose state-changing
    /// tools the trajectory all called without error counts one use, successful or not as the trajectory was. The whole
    /// trajectory is checked first: a bad one changes nothing.
    /// </summary>
    /// <exception cref="ProcedureRequestException">No tools were given, the task is empty, or a call names an unknown tool or breaks its schema.</exception>
    public RecordingResult Record(string task, IReadOnlyList<RecordedCall> calls, bool success)
    {
        ArgumentNullException.ThrowIfNull(calls);
        if (catalog is null || tools is null)
            throw new ProcedureRequestException("this memory was opened without tool definitions, so it cannot record trajectories");
        if (string.IsNullOrWhiteSpace(task))
            throw new ProcedureRequestException("task must be a non-empty text");
        var toolCalls = new List<ToolCall>(calls.Count);
        for (int i = 0; i < calls.Count; i++)
        {
            var call = new ToolCall(calls[i].Name ?? "", calls[i].Arguments);
            if (call.Arguments.ValueKind != System.Text.Json.JsonValueKind.Object)
                throw new ProcedureRequestException($"calls[{i}].arguments must be a JSON object");
            if (catalog.Check(call) is { } violation)
                throw new ProcedureRequestException($"calls[{i}] ({call.Name}): {violation}");
            toolCalls.Add(call);
        }

        IReadOnlyList<Procedure> induced = success ? Induce(task, calls, toolCalls) : [];
        var called = new HashSet<string>(calls.Where(c => !c.IsError).Select(c => c.Name), StringComparer.Ordinal);
        lock (gate)
        {
            List<Skill> followed = [.. Current().ActiveSkills.Where(s => Carries(s, called))];
            var updates = followed.Select(s => new SkillUpdate(s.Id) { AddUses = 1, AddSuccesses = success ? 1 : 0 }).ToList();
            IReadOnlyList<(int Id, bool Created)> stored = [];
            // One commit: the demonstration and the uses it counts land together or not at all.
            var commit = new LibraryCommit
            {
                NewSkills = [.. induced.Select(p => new NewSkill(SkillRecord.Of(ProcedureSkills.Create(p, Keys)), []))],
                Updates = updates,
            };
            if (commit.NewSkills.Count > 0 || updates.Count > 0)
                stored = store.Commit(commit).NewSkills;
            SkillLibrary after = Current();
            var recorded = new RecordingResult(
                [.. stored.Select((s, i) => new LearnedProcedure(s.Id, s.Created, ProcedureSkills.NameOf(induced[i])))],
                [.. followed.Select(s => ProcedureView.Of(after.Find(s.Id) ?? s))]);
            if (success && Options.ConsolidateEvery > 0 && ++recordedSuccesses % Options.ConsolidateEvery == 0)
                ConsolidateLocked(dryRun: false);
            return recorded;
        }
    }

    /// <summary>
    /// Consolidates the library (<see cref="ProcedureConsolidation"/>) in one commit: variants of one procedure induced
    /// again from their pooled recorded demonstrations as one (the variants retired, restorable, their counts carried
    /// over), and procedures whose uses mostly fail retired by <see cref="ProcedureMemoryOptions.Retirement"/>.
    /// </summary>
    /// <param name="dryRun">True to only say what it would do.</param>
    /// <exception cref="ProcedureRequestException">No tools were given (the tools' schemas are needed to induce).</exception>
    public ProcedureConsolidation.Result Consolidate(bool dryRun = false)
    {
        if (tools is null)
            throw new ProcedureRequestException("this memory was opened without tool definitions, so it cannot consolidate procedures");
        lock (gate)
            return ConsolidateLocked(dryRun);
    }

    private ProcedureConsolidation.Result ConsolidateLocked(bool dryRun) =>
        ProcedureConsolidation.Run(store, tools!, Keys, Options.Retirement, dryRun);

    /// <summary>Counts one use of procedure <paramref name="id"/> and whether it succeeded; returns the procedure as it now stands.</summary>
    /// <exception cref="ProcedureRequestException">The library has no procedure <paramref name="id"/>.</exception>
    public ProcedureView ReportOutcome(int id, bool success)
    {
        lock (gate)
        {
            _ = Find(id);
            ProcedureLibrary.RecordRun(store, id, success);
            return Find(id);
        }
    }

    /// <summary>Every active procedure (retired ones are still read by <see cref="Get"/>), by id, or those whose name, purpose or tools contain <paramref name="filter"/> (ignoring case).</summary>
    public IReadOnlyList<ProcedureView> List(string? filter = null)
    {
        lock (gate)
        {
            IEnumerable<Skill> skills = Current().ActiveSkills.OrderBy(s => s.Id);
            return [.. skills.Select(ProcedureView.Of).Where(v => string.IsNullOrWhiteSpace(filter) || Matches(v, filter))];
        }
    }

    /// <summary>Procedure <paramref name="id"/>.</summary>
    /// <exception cref="ProcedureRequestException">The library has no procedure <paramref name="id"/>.</exception>
    public ProcedureView Get(int id)
    {
        lock (gate)
            return Find(id);
    }

    private ProcedureView Find(int id) =>
        Current().Find(id) is { Policy: ProcedurePolicy } skill
            ? ProcedureView.Of(skill)
            : throw new ProcedureRequestException($"the library has no procedure {id}", notFound: true);

    private IReadOnlyList<Procedure> Induce(string task, IReadOnlyList<RecordedCall> calls, List<ToolCall> toolCalls)
    {
        // Look-ups are explained from the results the trajectory reports, as for a user's trace file; the results stay
        // with the demonstration, so that consolidation can induce again from it and replay it.
        List<ToolResult>? results = calls.All(c => c.Result is not null) ? [.. calls.Select(c => new ToolResult(c.Result!, c.IsError))] : null;
        var demonstration = new ToolDemonstration(RecordedSource, task, toolCalls, results);
        var inducer = new ProcedureInducer(new RecordedToolEnvironment(tools!, [new TraceRecord(demonstration, demonstration.RecordedTrajectory(), true)]));
        inducer.Add(demonstration);
        return inducer.Procedures();
    }

    // A procedure is carried out by a trajectory that made every one of its state changes (or, for a procedure of
    // look-ups only, its last look-up).
    private static bool Carries(Skill skill, HashSet<string> called)
    {
        if (skill.Policy is not ProcedurePolicy { Procedure: var procedure })
            return false;
        var changes = procedure.Steps.Where(s => s.ChangesState).Select(s => s.Tool).ToList();
        return changes.Count > 0 ? changes.All(called.Contains) : called.Contains(procedure.Steps[^1].Tool);
    }

    private static bool Matches(ProcedureView view, string filter) =>
        view.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || view.Purpose.Contains(filter, StringComparison.OrdinalIgnoreCase)
        || view.Steps.Any(s => s.Tool.Contains(filter, StringComparison.OrdinalIgnoreCase));

    // The index as the store now stands: the skills written since the last read replace their old selves, and skills
    // pruned elsewhere are dropped. Reloading the whole library on every change instead made each operation after a
    // write cost a full read (most of an outcome's time under load).
    private SkillLibrary Current()
    {
        LibraryChanges changes = store.ReadChanges(Math.Max(change, 0));
        if (library is null)
            library = ProcedureLibrary.Load(store);
        else if (changes.Change != change)
        {
            foreach (SkillRecord record in changes.Skills)
                library.Restore(record.ToSkill());
            var live = changes.SkillIds.ToHashSet();
            foreach (Skill gone in library.Skills.Where(s => !live.Contains(s.Id)).ToList())
                library.Remove(gone.Id);
        }
        // Read before the load, so a change made in between is read again next time (restoring a skill twice is harmless).
        change = changes.Change;
        return library;
    }
}
