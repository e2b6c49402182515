using System.Numerics;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// Interference management's merge rule: which active skills are one skill learned several times (near-duplicates),
/// to be merged into one. Two neural skills are near-duplicates when they have the same effect, their preconditions
/// differ in at most <see cref="MaxPreconditionDifference"/> facts, their keys are at least
/// <see cref="MinKeySimilarity"/> alike (cosine), and each has been used at least <see cref="MinUses"/> times and
/// succeeded at least <see cref="MinSuccessRate"/> of them.
/// </summary>
/// <remarks>
/// <para>The learner makes a skill per (preconditions, effect) pair, so a fact that does not matter to a procedure
/// (reaching the goal through an open door with or without the key in hand) splits it into variants
/// (<c>reach(goal)</c>, <c>reach(goal)#2</c>), each learning from its share of the demonstrations. Merged, their
/// preconditions keep only the facts they agree on.</para>
/// <para>The success guard keeps a variant that fails from being merged: its differing precondition may be why it
/// fails (opening the door without the key), and dropping it would make the merged skill promise what it cannot do.
/// Such a variant is the retirement rule's to judge. A skill not yet used is not merged either: measured on doorkey-8x8
/// (seed 1, merging during training), an <c>open(door)#2</c> learned where no key was held, merged before its first
/// use, gave an <c>open(door)</c> that no longer required the key.</para>
/// <para>Variants (<see cref="Skill.Variant"/>) are never merged, with their original or each other.</para>
/// <para>Keys of skills with different effects are never brought closer: a merge whose key (the demonstration-weighted
/// mean of its members') is more similar to an active skill of another effect than its most similar member already
/// was is not made, so the least distance between different effects (<see cref="KeySeparation"/>) never falls.</para>
/// </remarks>
public sealed record NearDuplicateRule
{
    /// <summary>Members' keys must be at least this similar (cosine) to the surviving member's; -1 accepts any keys.</summary>
    public float MinKeySimilarity { get; init; } = -1f;

    /// <summary>How many facts the preconditions of a member and those of the merged skill may differ in.</summary>
    public int MaxPreconditionDifference { get; init; } = 1;

    /// <summary>Each member must have succeeded at least this fraction (0..1) of its uses ...</summary>
    public double MinSuccessRate { get; init; } = 0.5;

    /// <summary>... over at least this many uses (evidence that its preconditions are not why it works or fails).</summary>
    public int MinUses { get; init; } = 1;

    /// <summary>The number of facts <paramref name="a"/> and <paramref name="b"/> disagree on: constrained by one only, or to different values.</summary>
    public static int Difference(FactCondition a, FactCondition b)
    {
        ulong both = a.Mask & b.Mask;
        return BitOperations.PopCount((a.Mask ^ b.Mask) | ((a.Values ^ b.Values) & both));
    }

    /// <summary>Whether <paramref name="general"/> requires nothing <paramref name="specific"/> does not (every state satisfying the second satisfies the first).</summary>
    public static bool Generalizes(FactCondition general, FactCondition specific) =>
        (general.Mask & ~specific.Mask) == 0 && ((general.Values ^ specific.Values) & general.Mask) == 0;

    /// <summary>The facts both <paramref name="a"/> and <paramref name="b"/> require, with the same value.</summary>
    public static FactCondition Common(FactCondition a, FactCondition b)
    {
        ulong mask = a.Mask & b.Mask & ~(a.Values ^ b.Values);
        return new FactCondition(mask, a.Values & mask);
    }

    /// <summary>
    /// The merges this rule finds among <paramref name="library"/>'s active skills, deterministically: skills are
    /// taken as survivors in order of most successes, then most demonstrations, then lowest id; each gathers the
    /// not yet taken near-duplicates of itself (in id order) while the merged preconditions stay within
    /// <see cref="MaxPreconditionDifference"/> of every member. A group whose merged preconditions and effect are
    /// those of a skill outside it (retired ones included) is left alone: that skill would be its identity twin.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of its range.</exception>
    public IReadOnlyList<SkillMerge> FindMerges(SkillLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxPreconditionDifference);
        ArgumentOutOfRangeException.ThrowIfNegative(MinUses);
        if (!(MinKeySimilarity is >= -1f and <= 1f))
            throw new ArgumentOutOfRangeException(nameof(MinKeySimilarity), MinKeySimilarity, "A key similarity threshold is between -1 and 1.");
        if (!(MinSuccessRate is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinSuccessRate), MinSuccessRate, "A success rate is between 0 and 1.");

        List<Skill> candidates = library.ActiveSkills.Where(IsCandidate).ToList();
        List<Skill> bySurvival = candidates
            .OrderByDescending(s => s.Statistics.Successes).ThenByDescending(s => s.Statistics.Demonstrations).ThenBy(s => s.Id).ToList();
        var taken = new HashSet<int>();
        var merges = new List<SkillMerge>();
        foreach (Skill survivor in bySurvival)
        {
            if (taken.Contains(survivor.Id))
                continue;
            var members = new List<Skill> { survivor };
            FactCondition preconditions = survivor.Preconditions;
            float leastSimilarity = 1f;
            foreach (Skill other in candidates)
            {
                if (other == survivor || taken.Contains(other.Id) || other.Effect != survivor.Effect)
                    continue;
                float similarity = VectorMath.CosineSimilarity(survivor.Key, other.Key);
                if (similarity < MinKeySimilarity)
                    continue;
                FactCondition widened = Common(preconditions, other.Preconditions);
                if (members.Append(other).Any(m => Difference(widened, m.Preconditions) > MaxPreconditionDifference))
                    continue;
                members.Add(other);
                preconditions = widened;
                leastSimilarity = Math.Min(leastSimilarity, similarity);
            }
            if (members.Count < 2)
                continue;
            var merge = SkillMerge.Of(members, preconditions, leastSimilarity);
            if (HasIdentityTwinOutside(library, merge) || BringsEffectsCloser(library, merge))
                continue;
            foreach (Skill member in members)
                taken.Add(member.Id);
            merges.Add(merge);
        }
        return merges.OrderBy(m => m.Survivor.Id).ToList();
    }

    // A variant (split off for a context, or adapted to a new situation) exists because its original does not serve
    // there; pooling it back would undo that, and would retrain an original adaptation promises never to change.
    private bool IsCandidate(Skill skill) =>
        skill.Policy is INetworkPolicy && skill.Variant is null
        && skill.Statistics.Uses >= MinUses && skill.Statistics.SuccessRate >= MinSuccessRate;

    private static bool HasIdentityTwinOutside(SkillLibrary library, SkillMerge merge) =>
        library.Skills.Any(s => s.Effect == merge.Survivor.Effect && s.Preconditions == merge.Preconditions
            && s.Policy is not SkillChainPolicy && !merge.Members.Contains(s));

    /// <summary>Whether the merged key is more similar to an active skill of another effect than any member's was.</summary>
    private static bool BringsEffectsCloser(SkillLibrary library, SkillMerge merge)
    {
        float before = float.NegativeInfinity, after = float.NegativeInfinity;
        foreach (Skill other in library.ActiveSkills)
        {
            if (other.Effect == merge.Survivor.Effect || !KeySeparation.Counts(other))
                continue;
            foreach (Skill member in merge.Members)
                before = Math.Max(before, VectorMath.CosineSimilarity(member.Key, other.Key));
            after = Math.Max(after, VectorMath.CosineSimilarity(merge.Key, other.Key));
        }
        return after > before;
    }
}
