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
    /// <param name="Merged">What each merge made, in the same order (ids as stored when committed; -1 for a new skill on a dry run).</param>
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
        var modules = new Dictionary<int, SkillModule>();
        foreach (SkillRecord record in stored.Skills)
        {
            Skill skill = record.ToSkill();
            library.Restore(skill);
            if (skill.Policy is INetworkPolicy neural)
                modules[skill.Id] = new SkillModule(neural.Network, store.ReadDemonstrations(skill.Id), capacity);
        }
        int activeBefore = library.ActiveSkills.Count;
        var before = KeySeparation.Closest(library);
        IReadOnlyList<SkillMerge> merges = rule.FindMerges(library);
        var counts = stored.Skills.ToDictionary(r => r.Id);
        var merged = new List<MergedSkill>();
        var newSkills = new List<NewSkill>();
        var updates = new List<SkillUpdate>();
        foreach (SkillMerge merge in merges)
        {
            MergedSkill made = merge.Apply(library, modules, capacity, cloning with { Seed = cloning.Seed + (ulong)merge.Survivor.Id }, stored.Episodes);
            merged.Add(made);
            if (made.IsNew)
            {
                newSkills.Add(new NewSkill(SkillRecord.Of(made.Skill), made.NewDemonstrations));
            }
            else
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
            foreach (Skill absorbed in merge.Absorbed)
                updates.Add(new SkillUpdate(absorbed.Id) { Retire = absorbed.Retirement });
        }

        if (!dryRun && merges.Count > 0)
        {
            CommitResult result = store.Commit(new LibraryCommit
            {
                NewSkills = newSkills,
                Updates = updates,
                EpisodesToKeep = stored.EpisodesKept,
                DemonstrationsToKeep = capacity,
            });
            int next = 0;
            foreach (MergedSkill made in merged.Where(m => m.IsNew))
            {
                made.Skill.Id = result.NewSkills[next++].Id;
                library.Restore(made.Skill);
            }
        }
        else
        {
            foreach (MergedSkill made in merged.Where(m => m.IsNew))
                AddUnstored(library, made.Skill);
        }
        return new Result(merges, merged, activeBefore, library.ActiveSkills.Count, before, KeySeparation.Closest(library));
    }

    /// <summary>Adds a merged skill no store has numbered (a dry run) under the next free id, for the measure after.</summary>
    private static void AddUnstored(SkillLibrary library, Skill skill)
    {
        skill.Id = library.Count == 0 ? 0 : library.Skills.Max(s => s.Id) + 1;
        library.Restore(skill);
    }
}
