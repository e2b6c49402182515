using ProceduralMemory.Learning;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Merges the near-duplicate skills of a stored library (<see cref="NearDuplicateRule"/>, <see cref="SkillMerge"/>)
/// in ONE commit: the merged skills (new ones, or targets updated in place with the others' demonstrations, summed
/// statistics and the retrained network) and the retirement of every absorbed skill. The store checks a commit
/// whole before it writes, so a library is merged entirely or not at all.
/// </summary>
public static class StoredSkillMerge
{
    /// <summary>What a merge did (or, dry, would do), with the key separation before and after.</summary>
    /// <param name="Merges">The merges, by survivor id; their members are as they were before the merge.</param>
    /// <param name="Merged">What each merge made, in the same order (ids as stored when committed; the next free ones on a dry run).</param>
    /// <param name="ActiveBefore">Active skills before.</param>
    /// <param name="ActiveAfter">Active skills after.</param>
    /// <param name="Before">The closest pair of different effects before (<see cref="KeySeparation"/>), if any.</param>
    /// <param name="After">The same after.</param>
    public sealed record Result(IReadOnlyList<SkillMerge> Merges, IReadOnlyList<MergedSkill> Merged, int ActiveBefore, int ActiveAfter,
        (Skill First, Skill Second, double Distance)? Before, (Skill First, Skill Second, double Distance)? After);

    /// <summary>
    /// Reads <paramref name="store"/>'s library, merges its near-duplicates in memory (each merged module retrained
    /// once with <paramref name="cloning"/>, keeping <paramref name="capacity"/> demonstrations) and, unless
    /// <paramref name="dryRun"/>, commits the result in one commit (nothing when there is nothing to merge).
    /// </summary>
    /// <exception cref="LibraryException">The library is empty, or the store refuses the commit (nothing is written then).</exception>
    public static Result Run(ISkillStore store, NearDuplicateRule rule, BehaviourCloningOptions cloning, int capacity, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rule);
        LibraryManifest manifest = store.Manifest ?? throw new LibraryException("the library is empty: train into it first");
        LibraryChanges stored = store.ReadChanges(0);
        var library = new SkillLibrary(manifest.EmbeddingDimension);
        foreach (SkillRecord record in stored.Skills)
            library.Restore(record.ToSkill());
        int activeBefore = library.ActiveSkills.Count;
        var before = KeySeparation.Closest(library);
        IReadOnlyList<SkillMerge> merges = rule.FindMerges(library);
        // Demonstrations are read for the merged skills only: a large library holds many more.
        var modules = new Dictionary<int, SkillModule>();
        foreach (Skill member in merges.SelectMany(m => m.Members))
            modules[member.Id] = new SkillModule(((INetworkPolicy)member.Policy).Network, store.ReadDemonstrations(member.Id), capacity);
        var counts = stored.Skills.ToDictionary(r => r.Id);
        var merged = new List<MergedSkill>();
        // New skills join the library at once under provisional ids, so that a later merge sees the chains an
        // earlier one renamed; the store numbers them when the commit is written.
        var provisional = new List<(Skill Skill, IReadOnlyList<IReadOnlyList<AgentStep>> Demonstrations)>();
        foreach (SkillMerge merge in merges)
        {
            MergedSkill made = merge.Apply(library, modules, capacity, cloning with { Seed = cloning.Seed + (ulong)merge.Survivor.Id }, stored.Episodes);
            merged.Add(made);
            foreach (Skill skill in made.NewSkills)
            {
                AddUnstored(library, skill);
                provisional.Add((skill, skill == made.Skill ? made.NewDemonstrations : []));
            }
        }
        if (dryRun || merges.Count == 0)
            return new Result(merges, merged, activeBefore, library.ActiveSkills.Count, before, KeySeparation.Closest(library));

        var updates = new List<SkillUpdate>();
        foreach (MergedSkill made in merged.Where(m => !m.IsNew))
        {
            SkillRecord was = counts[made.Skill.Id];
            updates.Add(new SkillUpdate(made.Skill.Id)
            {
                AddUses = made.Skill.Statistics.Uses - was.Uses,
                AddSuccesses = made.Skill.Statistics.Successes - was.Successes,
                AddDemonstrations = made.Skill.Statistics.Demonstrations - was.Demonstrations,
                Key = (float[])made.Skill.Key.Clone(),
                StepLimit = made.Skill.Termination.StepLimit,
                Policy = StoredPolicy.Of(made.Skill.Policy),
                NewDemonstrations = made.NewDemonstrations,
                StartTrial = true,
            });
        }
        // Every stored skill a merge retired (absorbed members and renamed chains); a new one carries its state in its record.
        foreach (Skill retired in library.Skills.Where(s => s.IsRetired && counts.TryGetValue(s.Id, out SkillRecord? r) && r.Retired is null))
            updates.Add(new SkillUpdate(retired.Id) { Retire = retired.Retirement });
        CommitResult result = store.Commit(new LibraryCommit
        {
            NewSkills = provisional.Select(p => new NewSkill(SkillRecord.Of(p.Skill), p.Demonstrations)).ToList(),
            Updates = updates,
            EpisodesToKeep = stored.EpisodesKept,
            DemonstrationsToKeep = capacity,
        });
        foreach (var (skill, _) in provisional)
            library.Remove(skill.Id);
        for (int i = 0; i < provisional.Count; i++)
        {
            provisional[i].Skill.Id = result.NewSkills[i].Id;
            library.Restore(provisional[i].Skill);
        }
        return new Result(merges, merged, activeBefore, library.ActiveSkills.Count, before, KeySeparation.Closest(library));
    }

    /// <summary>Adds a new skill no store has numbered yet under the next free id.</summary>
    private static void AddUnstored(SkillLibrary library, Skill skill)
    {
        skill.Id = library.Count == 0 ? 0 : library.Skills.Max(s => s.Id) + 1;
        library.Restore(skill);
    }
}
