using System.Globalization;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory;

/// <summary>
/// Near-duplicate skills to merge into one (found by a <see cref="NearDuplicateRule"/>): the survivor first, then
/// the others by id; the merged skill's preconditions (the facts all of them agree on) and key.
/// </summary>
/// <remarks>
/// When a member's preconditions already are the merged ones, that member is the <see cref="Target"/>: it takes
/// the others in place (keeping its id, name and the chains that name it). Otherwise the merge makes a new skill,
/// since a stored skill's preconditions are part of its identity and are never rewritten. Either way the absorbed
/// members are retired, not deleted: each keeps its row, network, statistics and demonstrations, and
/// <c>procmem skills restore</c> brings it back.
/// </remarks>
public sealed class SkillMerge
{
    private SkillMerge(IReadOnlyList<Skill> members, FactCondition preconditions, float[] key, float leastKeySimilarity)
    {
        Members = members;
        Preconditions = preconditions;
        Key = key;
        LeastKeySimilarity = leastKeySimilarity;
        Target = members.FirstOrDefault(m => m.Preconditions == preconditions);
    }

    /// <summary>The skills merged: the survivor first, then the rest by id.</summary>
    public IReadOnlyList<Skill> Members { get; }

    /// <summary>The member with the most successes: a new merged skill continues from a copy of its network and takes its name.</summary>
    public Skill Survivor => Members[0];

    /// <summary>The member kept and merged into in place, when its preconditions are the merged ones; null when the merge makes a new skill.</summary>
    public Skill? Target { get; }

    /// <summary>The members retired by the merge: every member but <see cref="Target"/>.</summary>
    public IEnumerable<Skill> Absorbed => Members.Where(m => m != Target);

    /// <summary>The merged skill's preconditions: the facts every member requires, with the same value.</summary>
    public FactCondition Preconditions { get; }

    /// <summary>The merged skill's key: the members' keys weighted by their demonstrations, at unit length.</summary>
    public float[] Key { get; }

    /// <summary>The least cosine similarity of a member's key to the survivor's.</summary>
    public float LeastKeySimilarity { get; }

    /// <summary>A merge of <paramref name="members"/> (survivor first) into a skill with <paramref name="preconditions"/>.</summary>
    internal static SkillMerge Of(IReadOnlyList<Skill> members, FactCondition preconditions, float leastKeySimilarity)
    {
        var ordered = members.Take(1).Concat(members.Skip(1).OrderBy(m => m.Id)).ToList();
        var key = new float[ordered[0].Key.Length];
        foreach (Skill member in ordered)
            for (int i = 0; i < key.Length; i++)
                key[i] += member.Statistics.Demonstrations * member.Key[i];
        VectorMath.NormalizeInPlace(key);
        return new SkillMerge(ordered, preconditions, key, leastKeySimilarity);
    }

    /// <summary>
    /// Carries out the merge in memory: pools the members' kept demonstrations into one module (the target's own, or a
    /// copy of the survivor's network for a new skill), retrains it once with <paramref name="cloning"/>, and gives the
    /// merged skill the sums of the members' statistics, a fresh trial, the merged key and the longest step limit. The
    /// absorbed members are retired in <paramref name="library"/> at <paramref name="episode"/>. A new skill is
    /// returned without an id: the caller adds it (to a store first, when there is one).
    /// </summary>
    /// <param name="library">The library the members belong to.</param>
    /// <param name="modules">Every member's trainable module, by skill id.</param>
    /// <param name="capacity">Demonstrations a module keeps (the newest).</param>
    /// <param name="cloning">The one retraining's settings.</param>
    /// <param name="episode">The library's episode count, dating the retirements.</param>
    public MergedSkill Apply(SkillLibrary library, IReadOnlyDictionary<int, SkillModule> modules, int capacity, BehaviourCloningOptions cloning, long episode)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(cloning);
        foreach (Skill member in Members)
            if (library.Find(member.Id) != member || member.IsRetired || !modules.ContainsKey(member.Id))
                throw new InvalidOperationException($"Skill {member} is not an active skill of this library with a module.");

        // The target's own demonstrations first (they are already kept with it), then the others' by id.
        Skill first = Target ?? Survivor;
        List<IReadOnlyList<AgentStep>> added = Members.Where(m => m != first).OrderBy(m => m.Id)
            .SelectMany(m => modules[m.Id].Demonstrations).ToList();
        SkillModule module = Target is not null
            ? modules[Target.Id]
            : new SkillModule(((INetworkPolicy)StoredPolicy.Of(Survivor.Policy).ToPolicy()).Network, [], capacity);
        if (Target is null)
            added.InsertRange(0, modules[Survivor.Id].Demonstrations);
        module.ReplaceDemonstrations(module.Demonstrations.Concat(added).ToList());
        module.Retrain(cloning);

        int uses = Members.Sum(m => m.Statistics.Uses), successes = Members.Sum(m => m.Statistics.Successes);
        int demonstrations = Members.Sum(m => m.Statistics.Demonstrations);
        int stepLimit = Members.Max(m => m.Termination.StepLimit);
        Skill merged = Target ?? new Skill(MergedName(library), Preconditions, Survivor.Effect, new MlpPolicy(module.Network),
            new SkillTermination(Survivor.Effect, stepLimit), (float[])Key.Clone());
        merged.Statistics.Restore(uses, successes, demonstrations);
        merged.Termination = merged.Termination with { StepLimit = stepLimit };
        if (Target is not null)
        {
            library.UpdateKey(Target, Key);
            library.StartTrial(Target);
        }
        else
        {
            merged.TrialStart = (uses, successes);
        }

        string detail = string.Create(CultureInfo.InvariantCulture,
            $"a near-duplicate: same effect, {Members.Count} skills pooled (key similarity at least {LeastKeySimilarity:0.00})");
        foreach (Skill absorbed in Absorbed)
            library.Retire(absorbed, SkillRetirement.Merged(episode, merged.Name, detail));
        var (chains, retiredChains) = RenameChildren(library, merged.Name, episode);
        return new MergedSkill(merged, module, Target is null, added) { Chains = chains, RetiredChains = retiredChains };
    }

    /// <summary>
    /// Chains that name an absorbed member would no longer run (a chain with a retired child is not run): each is
    /// retired and replaced by a new chain naming <paramref name="mergedName"/> instead, with its statistics (chains
    /// that become the same chain are one, their statistics summed). A replacement a library already holds is not
    /// made again. New chains are returned without ids, for the caller to add.
    /// </summary>
    private (IReadOnlyList<Skill> Made, IReadOnlyList<Skill> Retired) RenameChildren(SkillLibrary library, string mergedName, long episode)
    {
        var renamed = Absorbed.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var groups = library.ActiveSkills
            .Where(s => s.Policy is SkillChainPolicy chain && chain.Children.Any(renamed.Contains))
            .GroupBy(s => (s.Preconditions, s.Effect, Children: string.Join('\n',
                ((SkillChainPolicy)s.Policy).Children.Select(c => renamed.Contains(c) ? mergedName : c))))
            .ToList();
        var made = new List<Skill>();
        var retired = new List<Skill>();
        var names = library.Skills.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            string[] children = group.Key.Children.Split('\n');
            bool held = library.Skills.Any(s => s.Policy is SkillChainPolicy c && s.Preconditions == group.Key.Preconditions
                && s.Effect == group.Key.Effect && c.Children.SequenceEqual(children));
            if (!held)
            {
                string name = SkillNames.Unique($"seq({string.Join(",", children)})", names);
                names.Add(name);
                var chain = new Skill(name, group.Key.Preconditions, group.Key.Effect, new SkillChainPolicy(children),
                    new SkillTermination(group.Key.Effect, group.Max(s => s.Termination.StepLimit)), (float[])group.First().Key.Clone());
                int uses = group.Sum(s => s.Statistics.Uses), successes = group.Sum(s => s.Statistics.Successes);
                chain.Statistics.Restore(uses, successes, group.Sum(s => s.Statistics.Demonstrations));
                chain.TrialStart = (uses, successes);
                made.Add(chain);
            }
            foreach (Skill old in group)
            {
                library.Retire(old, held ? SkillRetirement.ChainAlreadyHeld(episode, mergedName) : SkillRetirement.ChainReplaced(episode, mergedName));
                retired.Add(old);
            }
        }
        return (made, retired);
    }

    /// <summary>The survivor's name without a number, or the first free numbered one (names are unique, retired skills' included).</summary>
    private string MergedName(SkillLibrary library)
    {
        string wanted = SkillNames.Prefix(Survivor.Name).TrimEnd(SkillNames.Separator);
        return SkillNames.Unique(wanted, library.Skills.Select(s => s.Name).ToHashSet(StringComparer.Ordinal));
    }
}
