using System.Globalization;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents;

/// <summary>The per-context half of the skill lifecycle (<see cref="ProceduralMemoryAgentOptions.ContextLifecycle"/>).</summary>
public sealed partial class ProceduralMemoryAgent
{
    private long _contextEpisodes;
    // With a store: the per-context counts as last committed or read (totals), how many contexts the store holds, and
    // the splits made since the last commit; the per-context changes go out with each episode's commit.
    private readonly Dictionary<(int Skill, int Context), (int Uses, int Successes)> _storedContextCounts = [];
    private int _storedContexts;
    private readonly List<SkillSplit> _unsavedSplits = [];

    /// <summary>The per-context lifecycle's state (contexts, outcomes per context, splits), or null when it is off.</summary>
    public ContextLifecycle? ContextLifecycle => _contexts;

    /// <summary>
    /// After a training episode, with a <see cref="ContextLifecycleOptions.Split"/> rule: every active skill with a
    /// network (variants aside) that the rule finds failing in one context and succeeding in the others is split there.
    /// A variant bound to that context takes its place (<see cref="CreateVariant"/>); in a store it is its own row,
    /// labelled <c>context N</c>.
    /// </summary>
    private void SplitFailing()
    {
        if (_contexts is null)
            return;
        _contextEpisodes++;
        if (_contexts.Options.Split is not { } rule)
            return;
        foreach (Skill skill in Library.ActiveSkills.ToList())
        {
            if (skill.Policy is SkillChainPolicy || !_modules.ContainsKey(skill.Id) || _contexts.IsVariant(skill.Id))
                continue;
            if (rule.Judge(_contexts.Outcomes.ForSkill(skill.Id), _contexts.SplitOff(skill.Id)) is not { } judged)
                continue;
            var (context, reason) = judged;
            int variant = CreateVariant(skill, context);
            var split = new SkillSplit(skill.Id, context, variant, _contextEpisodes, reason);
            _contexts.Record(split);
            if (_store is not null)
                _unsavedSplits.Add(split);
        }
    }

    /// <summary>
    /// A variant of <paramref name="original"/> for <paramref name="context"/>: same preconditions and effect, its key the
    /// context's centroid, its network a copy of the original's retrained on the original's kept demonstrations that
    /// start in the context (when there are none, it learns from the next ones routed to it). Returns its id.
    /// </summary>
    private int CreateVariant(Skill original, int context)
    {
        SkillModule source = _modules[original.Id];
        var demonstrations = source.Demonstrations
            .Where(d => _contexts!.Contexts.ContextOf(_encoder.KeyOf(d[0].Features), found: false) == context)
            .ToList();
        var module = new SkillModule(Mlp.FromWeights(source.Network.GetWeights()), [], _options.DemonstrationsPerSkill);
        if (demonstrations.Count > 0)
            module.ReplaceDemonstrations(demonstrations);
        var variant = new Skill(NameFor(original.Effect), original.Preconditions, original.Effect, new MlpPolicy(module.Network),
            original.Termination, (float[])_contexts!.Contexts.Centroids[context].Clone())
        {
            Variant = SkillSplit.VariantLabel(context),
        };
        if (_store is not null)
            return StoreNewSkill(variant, module, module.Demonstrations);
        variant.Id = Library.Skills.Max(s => s.Id) + 1;
        Library.Restore(variant);
        _modules[variant.Id] = module;
        return variant.Id;
    }

    /// <summary>
    /// What the per-context lifecycle changed since the last commit: contexts founded, splits made, and the counts' increments
    /// over what the store last said (empty when the lifecycle is off, so a library without it gets nothing new).
    /// </summary>
    private ContextState UnsavedContextChanges()
    {
        if (_contexts is null)
            return ContextState.Empty;
        SkillContexts contexts = _contexts.Contexts;
        var increments = new List<ContextCount>();
        foreach (var (skill, context, uses, successes) in _contexts.Outcomes.All)
        {
            var stored = _storedContextCounts.GetValueOrDefault((skill, context));
            if (uses != stored.Uses)
                increments.Add(new ContextCount(skill, context, uses - stored.Uses, successes - stored.Successes));
        }
        return new ContextState
        {
            Contexts = [.. Enumerable.Range(_storedContexts, contexts.Centroids.Count - _storedContexts)
                .Select(n => new StoredContext(n, contexts.Centroids[n], contexts.MaxContexts, contexts.Similarity))],
            Counts = increments,
            Splits = [.. _unsavedSplits.Select(s => new StoredSplit(s.Original, s.Context, s.Variant, s.Episode, s.Reason))],
        };
    }

    /// <summary>After <paramref name="committed"/> went into the store: it is no longer unsaved.</summary>
    private void ContextChangesCommitted(ContextState committed)
    {
        if (_contexts is null)
            return;
        foreach (ContextCount increment in committed.Counts)
        {
            var stored = _storedContextCounts.GetValueOrDefault((increment.SkillId, increment.Context));
            _storedContextCounts[(increment.SkillId, increment.Context)] = (stored.Uses + increment.Uses, stored.Successes + increment.Successes);
        }
        _storedContexts = _contexts.Contexts.Centroids.Count;
        _unsavedSplits.Clear();
    }

    /// <summary>
    /// Takes the per-context state the store holds (on opening a library, everything; later, what others wrote since):
    /// its contexts (a number another writer stored first keeps its centroid), its counts' totals plus what this agent
    /// has not committed yet, and its splits. A library whose contexts were founded under other settings is refused,
    /// since its context numbers would mean other clusters.
    /// </summary>
    /// <exception cref="LibraryException">The stored contexts were founded with other settings than this agent's.</exception>
    private void FollowStoredContexts(ContextState stored)
    {
        if (_contexts is null)
            return;
        SkillContexts contexts = _contexts.Contexts;
        foreach (StoredContext context in stored.Contexts)
        {
            if (context.MaxContexts != contexts.MaxContexts || context.Similarity != contexts.Similarity)
                throw new LibraryException(string.Create(CultureInfo.InvariantCulture,
                    $"the library's contexts were founded with at most {context.MaxContexts} contexts at similarity {context.Similarity}; continue it with the same (--contexts {context.MaxContexts}), not {contexts.MaxContexts} at {contexts.Similarity}"));
            contexts.Adopt(context.Number, context.Centroid);
            _storedContexts = Math.Max(_storedContexts, context.Number + 1);
        }
        foreach (ContextCount total in stored.Counts)
        {
            var (uses, successes) = _contexts.Outcomes.Of(total.SkillId, total.Context);
            var before = _storedContextCounts.GetValueOrDefault((total.SkillId, total.Context));
            _contexts.Outcomes.Set(total.SkillId, total.Context, total.Uses + uses - before.Uses, total.Successes + successes - before.Successes);
            _storedContextCounts[(total.SkillId, total.Context)] = (total.Uses, total.Successes);
        }
        foreach (StoredSplit split in stored.Splits)
            if (!_contexts.IsSplit(split.SkillId, split.Context))
                _contexts.Record(ContextLifecycle.SplitOf(split));
    }

    /// <summary>Forgets the per-context counts of a skill that left the store (pruned).</summary>
    private void ForgetContextCounts(int skillId)
    {
        if (_contexts is null)
            return;
        _contexts.Outcomes.Forget(skillId);
        foreach (var key in _storedContextCounts.Keys.Where(k => k.Skill == skillId).ToList())
            _storedContextCounts.Remove(key);
    }
}
