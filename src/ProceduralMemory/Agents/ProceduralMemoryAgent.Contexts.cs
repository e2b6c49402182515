using System.Globalization;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents;

/// <summary>The per-context half of the skill lifecycle (<see cref="ProceduralMemoryAgentOptions.ContextLifecycle"/>).</summary>
public sealed partial class ProceduralMemoryAgent
{
    private long _contextEpisodes;

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
            _contexts.Record(new SkillSplit(skill.Id, context, variant, _contextEpisodes, reason));
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
            Variant = string.Create(CultureInfo.InvariantCulture, $"context {context}"),
        };
        if (_store is not null)
            return StoreNewSkill(variant, module, module.Demonstrations);
        variant.Id = Library.Skills.Max(s => s.Id) + 1;
        Library.Restore(variant);
        _modules[variant.Id] = module;
        return variant.Id;
    }
}
