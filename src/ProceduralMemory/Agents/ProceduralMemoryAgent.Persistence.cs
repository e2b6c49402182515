using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents;

/// <summary>
/// The agent's side of a skill store. Counts (skill statistics, outcome counts) are committed as increments over
/// what the store last said, and read back as totals, so several agents learning into one store add up instead of
/// overwriting each other. Demonstrations are pooled: every agent trains its own copy of a skill's network on
/// everyone's kept demonstrations. The stored network, key and step limit are the latest writer's, which is what
/// an agent starts from when a skill first reaches it.
/// </summary>
/// <remarks>
/// <para>After each commit the agent reads back everything written since its last read, its own writes included: the
/// totals then include other agents' work, and a single agent ends up exactly where it would be without a store.</para>
/// <para>An agent does not swap its networks for other writers' as they arrive. Measured with <c>procmem bench
/// social</c> on doorkey-8x8 (4 agents, seeds 1-4): taking the latest writer's network at every read kept every
/// agent near 0.8 held-out return, none reaching 0.93 in 20,000 steps; keeping each agent's own network, trained on
/// the pooled demonstrations, all four reached 0.93 after 4,016 steps (median) and held 0.96. Networks replaced
/// mid-training by ones fitted to another agent's recent buffer undo each other's last lessons.</para>
/// </remarks>
public sealed partial class ProceduralMemoryAgent
{
    private readonly ISkillStore? _store;
    private readonly Dictionary<int, (int Uses, int Successes, int Demonstrations)> _storedCounts = [];
    // Keyed by the row with its count zeroed: what the store last said each outcome's total was.
    private readonly Dictionary<OutcomeCount, int> _storedOutcomes = [];
    private readonly Dictionary<int, List<IReadOnlyList<AgentStep>>> _unsavedDemonstrations = [];
    private readonly HashSet<int> _changedModels = [];
    // Retirements and trials started (new demonstrations) since the last commit, committed with it.
    private readonly Dictionary<int, SkillRetirement> _retiring = [];
    private readonly HashSet<int> _trialsStarted = [];
    // New skills made by merging near-duplicates since the last commit (in the library under provisional ids), committed with it.
    private readonly List<(Skill Skill, SkillModule? Module, IReadOnlyList<IReadOnlyList<AgentStep>> Demonstrations)> _mergedUnsaved = [];
    private long _seenChange;
    // The library's episode count as last read (or, without a store, this agent's training episodes): the lifecycle's clock.
    private long _episodes;

    /// <summary>The explorer's learned outcomes, when it keeps them in the store (the default grid explorer does).</summary>
    private IStoredOutcomes? StoredOutcomes => _explorer as IStoredOutcomes;

    /// <summary>
    /// What this agent has added to its store's skill statistics so far (other agents' additions excluded): with
    /// several agents on one store, the store's totals are the sums of these.
    /// </summary>
    public (long Uses, long Successes, long Demonstrations) Committed { get; private set; }

    /// <summary>Raised when a skill this agent discovered has been committed to its store (it survives a crash from then on).</summary>
    public event Action<Skill>? SkillStored;

    /// <summary>
    /// Raised when a skill another writer stored reaches this agent (it is read back after every episode), so that
    /// several agents on one store can tell how soon each one's discoveries reach the others.
    /// </summary>
    public event Action<Skill>? SkillArrived;

    /// <summary>
    /// The manifest the agent works under: the stored one (whose key encoder it adopts), or <paramref name="wanted"/>
    /// for a new library. A read-only library written for fewer facts than today's, the same ones first, is read as
    /// it is; writing skills that name facts its manifest lacks would need an upgrade of the manifest first.
    /// </summary>
    private static LibraryManifest OpenLibrary(ISkillStore store, LibraryManifest wanted)
    {
        if (store.Manifest is null && store.IsReadOnly)
            throw new LibraryException("the library is empty: train into it first");
        LibraryManifest stored = store.Manifest ?? store.Create(wanted);
        if (stored.IncompatibilityWith(wanted) is { } reason && !(store.IsReadOnly && stored.IsExtendedBy(wanted)))
            throw new LibraryException($"the library holds skills for another kind of environment: {reason}");
        return stored;
    }

    /// <summary>
    /// The key model the library's keys come from: a random projection its id names, or a situation encoder stored
    /// with the library (<c>procmem skills encode</c>), whose fingerprint must match the id. This agent keys perceived
    /// features, so it can use no other kind of model.
    /// </summary>
    private static IKeyProvider<float[]> KeyProviderFor(LibraryManifest manifest, ISkillStore? store)
    {
        if (RandomProjectionKeyProvider.FromModelId(manifest.KeyModel) is { } projection && projection.Dimension == manifest.EmbeddingDimension)
            return projection;
        if (store is not null && manifest.KeyModel.StartsWith(SituationEncoderKeyProvider.ModelName + " ", StringComparison.Ordinal))
        {
            StoredKeyModel stored = store.ReadKeyModel() ?? throw new LibraryException("the library is empty: train into it first");
            if (stored.Id != manifest.KeyModel)
                throw new LibraryException($"the library was re-keyed while it was opened (now '{stored.Id}'); open it again");
            if (stored.Bytes is null)
                throw new LibraryException($"the library's key model '{manifest.KeyModel}' has no stored encoder; run 'procmem skills encode' again");
            StandardizedEncoder encoder;
            try
            {
                encoder = StandardizedEncoderCodec.Decode(stored.Bytes);
            }
            catch (InvalidDataException e)
            {
                throw new LibraryException($"the library's stored key model is damaged ({e.Message})", e);
            }
            var provider = new SituationEncoderKeyProvider(encoder);
            return provider.ModelId == manifest.KeyModel && provider.Dimension == manifest.EmbeddingDimension
                ? provider
                : throw new LibraryException($"the library's stored encoder is '{provider.ModelId}', not its key model '{manifest.KeyModel}'; the library is damaged");
        }
        throw new LibraryException($"the library's keys come from the key model '{manifest.KeyModel}'; this agent embeds its features with a random projection (random-projection/v1) or a stored situation encoder (situation-encoder/v1), so it cannot compare its situations with them");
    }

    /// <summary>
    /// Commits a newly discovered skill (or variant) at once; if another agent stored the same skill first, adopts that
    /// one. Returns the stored skill's id.
    /// </summary>
    private int StoreNewSkill(Skill skill, SkillModule module, IReadOnlyList<IReadOnlyList<AgentStep>> demonstrations)
    {
        var commit = new LibraryCommit
        {
            NewSkills = [new NewSkill(SkillRecord.Of(skill), demonstrations)],
            DemonstrationsToKeep = _options.DemonstrationsPerSkill,
            KeysFrom = _encoder.ModelId,
        };
        var (id, created) = _store!.Commit(commit).NewSkills[0];
        AddCommitted(skill.Statistics.Uses, skill.Statistics.Successes, skill.Statistics.Demonstrations);
        if (!created)
        {
            ReadBack(); // the stored twin arrives with this demonstration already added to it
            return id;
        }
        skill.Id = id;
        Library.Restore(skill);
        _modules[id] = module;
        _storedCounts[id] = (skill.Statistics.Uses, skill.Statistics.Successes, skill.Statistics.Demonstrations);
        // Another agent may have stored a skill under the same name meanwhile, and the store then named this one
        // differently; read it back so that the name this agent reports is the library's.
        ReadBack();
        SkillStored?.Invoke(skill);
        return id;
    }

    /// <summary>Commits a new composite skill (it has no network and no demonstrations of its own); a twin already stored is kept instead.</summary>
    private void StoreComposite(Skill composite)
    {
        var commit = new LibraryCommit
        {
            NewSkills = [new NewSkill(SkillRecord.Of(composite), [])],
            DemonstrationsToKeep = _options.DemonstrationsPerSkill,
            KeysFrom = _encoder.ModelId,
        };
        var (id, created) = _store!.Commit(commit).NewSkills[0];
        AddCommitted(composite.Statistics.Uses, composite.Statistics.Successes, composite.Statistics.Demonstrations);
        if (created)
        {
            composite.Id = id;
            Library.Restore(composite);
            _storedCounts[id] = (composite.Statistics.Uses, composite.Statistics.Successes, composite.Statistics.Demonstrations);
        }
        ReadBack();
        if (created)
            SkillStored?.Invoke(composite);
    }

    /// <summary>Keeps a demonstration for the skill's module and for the next commit.</summary>
    private void AddDemonstration(Skill skill, IReadOnlyList<AgentStep> steps)
    {
        if (!_modules.TryGetValue(skill.Id, out SkillModule? module))
            return; // a skill without a network (e.g. imported open-loop) has nothing to learn from it
        module.AddDemonstration(steps);
        if (_store is null)
            return;
        if (!_unsavedDemonstrations.TryGetValue(skill.Id, out var list))
            _unsavedDemonstrations[skill.Id] = list = [];
        list.Add(steps);
    }

    /// <summary>
    /// <paramref name="skill"/> was demonstrated again: its trial starts afresh (a skill still being demonstrated is
    /// still being learned, so retirement judges only the uses after), and a retired one comes back.
    /// </summary>
    private void StartTrial(Skill skill)
    {
        Library.StartTrial(skill);
        if (_store is not null)
            _trialsStarted.Add(skill.Id);
    }

    private void MarkModelChanged(Skill skill)
    {
        if (_store is not null)
            _changedModels.Add(skill.Id);
    }

    /// <summary>Commits what the episode taught (and the episode itself), then reads back the store's totals.</summary>
    private void CommitEpisode(EpisodeRecord episode)
    {
        var updates = new List<SkillUpdate>();
        foreach (Skill skill in Library.Skills)
        {
            if (_mergedUnsaved.Any(u => u.Skill == skill))
                continue; // new: its record goes in whole
            var stored = _storedCounts.GetValueOrDefault(skill.Id);
            SkillStatistics now = skill.Statistics;
            bool modelChanged = _changedModels.Contains(skill.Id);
            var update = new SkillUpdate(skill.Id)
            {
                AddUses = now.Uses - stored.Uses,
                AddSuccesses = now.Successes - stored.Successes,
                AddDemonstrations = now.Demonstrations - stored.Demonstrations,
                Key = modelChanged ? (float[])skill.Key.Clone() : null,
                StepLimit = modelChanged ? skill.Termination.StepLimit : null,
                Policy = modelChanged ? StoredPolicy.Of(skill.Policy) : null,
                NewDemonstrations = _unsavedDemonstrations.GetValueOrDefault(skill.Id) ?? [],
                Retire = _retiring.GetValueOrDefault(skill.Id),
                StartTrial = _trialsStarted.Contains(skill.Id),
            };
            if (!update.IsEmpty)
                updates.Add(update);
        }

        var increments = new List<OutcomeCount>();
        foreach (OutcomeCount total in StoredOutcomes?.StoredCounts() ?? [])
        {
            long added = total.Count - _storedOutcomes.GetValueOrDefault(total with { Count = 0 });
            if (added != 0)
                increments.Add(total with { Count = added });
        }

        ContextState contextChanges = UnsavedContextChanges();
        CommitResult committed = _store!.Commit(new LibraryCommit
        {
            NewSkills = _mergedUnsaved.Select(m => new NewSkill(SkillRecord.Of(m.Skill), m.Demonstrations)).ToList(),
            Updates = updates,
            OutcomeIncrements = increments,
            Contexts = contextChanges,
            Episodes = [episode with { Steps = episode.Steps.Select(s => s with { Features = [] }).ToList() }],
            EpisodesToKeep = _options.EpisodesToKeep,
            DemonstrationsToKeep = _options.DemonstrationsPerSkill,
            KeysFrom = _encoder.ModelId,
        });
        // What was just committed is no longer unsaved: the read-back below adds only what others wrote since.
        foreach (var (skill, _, _) in _mergedUnsaved)
            Library.Remove(skill.Id);
        for (int i = 0; i < _mergedUnsaved.Count; i++)
        {
            var (skill, module, _) = _mergedUnsaved[i];
            SkillStatistics counts = skill.Statistics;
            AddCommitted(counts.Uses, counts.Successes, counts.Demonstrations);
            var (id, created) = committed.NewSkills[i];
            if (!created)
                continue; // another writer stored its twin first: the read-back adopts that one
            skill.Id = id;
            Library.Restore(skill);
            if (module is not null)
                _modules[id] = module;
            _storedCounts[id] = (counts.Uses, counts.Successes, counts.Demonstrations);
        }
        _mergedUnsaved.Clear();
        foreach (SkillUpdate update in updates)
        {
            AddCommitted(update.AddUses, update.AddSuccesses, update.AddDemonstrations);
            var stored = _storedCounts.GetValueOrDefault(update.Id);
            _storedCounts[update.Id] = (stored.Uses + update.AddUses, stored.Successes + update.AddSuccesses, stored.Demonstrations + update.AddDemonstrations);
        }
        foreach (OutcomeCount increment in increments)
        {
            OutcomeCount key = increment with { Count = 0 };
            _storedOutcomes[key] = _storedOutcomes.GetValueOrDefault(key) + (int)increment.Count;
        }
        ContextChangesCommitted(contextChanges);
        _unsavedDemonstrations.Clear();
        _changedModels.Clear();
        _retiring.Clear();
        _trialsStarted.Clear();
        ReadBack();
    }

    private void AddCommitted(long uses, long successes, long demonstrations) =>
        Committed = (Committed.Uses + uses, Committed.Successes + successes, Committed.Demonstrations + demonstrations);

    /// <summary>
    /// Brings the in-memory library up to date with everything written to the store since the last read: totals
    /// replace counts (plus anything not yet committed), skills other agents demonstrated take the pooled
    /// demonstrations, skills new to this agent are loaded with their network and demonstrations, and skills pruned
    /// from the store are forgotten.
    /// </summary>
    private void ReadBack()
    {
        LibraryChanges changes = _store!.ReadChanges(_seenChange);
        foreach (SkillRecord record in changes.Skills)
        {
            if (Library.Find(record.Id) is not { } skill)
            {
                AdoptStoredSkill(record);
                continue;
            }
            skill.Name = record.Name;
            var stored = _storedCounts.GetValueOrDefault(record.Id);
            if (record.Demonstrations > stored.Demonstrations && _modules.TryGetValue(record.Id, out SkillModule? module))
                ShareDemonstrations(record.Id, module);
            SkillStatistics now = skill.Statistics;
            skill.Statistics.Restore(
                record.Uses + now.Uses - stored.Uses,
                record.Successes + now.Successes - stored.Successes,
                record.Demonstrations + now.Demonstrations - stored.Demonstrations);
            _storedCounts[record.Id] = (record.Uses, record.Successes, record.Demonstrations);
            FollowLifecycle(skill, record);
        }

        if (StoredOutcomes is { } outcomes)
        {
            foreach (OutcomeCount stored in changes.Outcomes)
            {
                OutcomeCount key = stored with { Count = 0 };
                int unsaved = outcomes.CountOf(stored) - _storedOutcomes.GetValueOrDefault(key);
                outcomes.SetCount(stored, (int)stored.Count + unsaved);
                _storedOutcomes[key] = (int)stored.Count;
            }
        }

        var live = changes.SkillIds.ToHashSet();
        foreach (Skill gone in Library.Skills.Where(s => !live.Contains(s.Id)).ToList())
        {
            Library.Remove(gone.Id);
            _modules.Remove(gone.Id);
            _storedCounts.Remove(gone.Id);
            ForgetContextCounts(gone.Id);
        }
        FollowStoredContexts(changes.Contexts);
        _seenChange = changes.Change;
        _episodes = changes.Episodes;
    }

    /// <summary>Takes the stored skill's lifecycle state: retired or restored by another writer (or <c>procmem skills restore</c>).</summary>
    private void FollowLifecycle(Skill skill, SkillRecord record)
    {
        if (_retiring.ContainsKey(skill.Id) || _trialsStarted.Contains(skill.Id))
            return; // retired or demonstrated here and not yet committed: the commit will say so
        if (record.Retired is { } retirement)
            Library.Retire(skill, retirement);
        else if (skill.IsRetired)
            Library.StartTrial(skill);
        skill.TrialStart = (record.TrialStartUses, record.TrialStartSuccesses);
    }

    /// <summary>
    /// Other agents demonstrated skill <paramref name="skillId"/>: its module takes the store's kept demonstrations
    /// (everyone's, this agent's committed ones included) plus its own not yet committed, so that its network learns
    /// from all of them, not from its own alone.
    /// </summary>
    private void ShareDemonstrations(int skillId, SkillModule module)
    {
        IEnumerable<IReadOnlyList<AgentStep>> kept = _store!.ReadDemonstrations(skillId);
        if (_unsavedDemonstrations.TryGetValue(skillId, out var unsaved))
            kept = kept.Concat(unsaved);
        module.ReplaceDemonstrations(kept);
    }

    private void AdoptStoredSkill(SkillRecord record)
    {
        Skill skill = record.ToSkill();
        Library.Restore(skill);
        SkillArrived?.Invoke(skill);
        _storedCounts[record.Id] = (record.Uses, record.Successes, record.Demonstrations);
        if (skill.Policy is INetworkPolicy neural)
            _modules[record.Id] = new SkillModule(neural.Network, _store!.ReadDemonstrations(record.Id), _options.DemonstrationsPerSkill);
        _createdModules = Math.Max(_createdModules, record.Id + 1);
    }
}
