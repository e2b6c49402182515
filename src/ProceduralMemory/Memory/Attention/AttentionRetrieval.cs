using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory.Attention;

/// <summary>
/// Attention retrieval: once a skill has been chosen (by the library's search and the agent's ranking), the skills
/// that could act for it are weighed by softmax attention over their keys' similarity to the situation, and their
/// policies blended (<see cref="BlendedPolicy"/>); a skill that fits exactly acts alone.
/// </summary>
/// <remarks>
/// Which skills may be blended: the running skill and the other active network skills with the <b>same effect</b>
/// whose preconditions required true hold now (the planner's relaxed tier: a fact a skill needs false may be true,
/// as when <c>reach(goal)</c> learned with the key held meets <c>reach(goal)#2</c> learned without it). Skills that
/// achieve something else are never blended in: a mixture of "pick up the key" and "open the door" serves neither.
/// Requiring every precondition to hold exactly (the index's own filter) would leave a single candidate almost always,
/// since the learner splits a skill by its preconditions. The candidates come from the library's active skills grouped
/// by effect (<see cref="SkillLibrary.ActiveSkillsWithEffect"/>, kept as skills are added, retired and restored), so
/// finding them costs the running effect's group, not a scan of every skill; the index's search is untouched.
/// </remarks>
public static class AttentionRetrieval
{
    /// <summary>
    /// The skills that may act for <paramref name="running"/> in <paramref name="facts"/>: itself (when it has a
    /// network) first, then the other active network skills with its effect whose preconditions required true hold,
    /// most similar to <paramref name="query"/> first (ties by id), at most <see cref="AttentionRetrievalOptions.MaxCandidates"/>
    /// in all; with their similarities. With <paramref name="serves"/> (the per-context lifecycle's
    /// <see cref="Contexts.ContextLifecycle.Serves(Skill, float[])"/>), only others that serve here: an original split off
    /// from this context, or a variant bound to another, is not blended in.
    /// </summary>
    public static (List<Skill> Skills, float[] Similarities) Candidates(SkillLibrary library, Skill running, Facts facts,
        ReadOnlySpan<float> query, AttentionRetrievalOptions options, Func<Skill, bool>? serves = null)
    {
        var others = new List<(float Similarity, Skill Skill)>();
        foreach (Skill skill in library.ActiveSkillsWithEffect(running.Effect))
            if (skill != running && skill.Policy is INetworkPolicy && HoldsRequired(skill, facts) && (serves is null || serves(skill)))
                others.Add((VectorMath.CosineSimilarity(query, skill.Key), skill));
        others.Sort(static (a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Skill.Id.CompareTo(b.Skill.Id));
        var skills = new List<Skill>();
        var similarities = new List<float>();
        if (running.Policy is INetworkPolicy)
        {
            skills.Add(running);
            similarities.Add(VectorMath.CosineSimilarity(query, running.Key));
        }
        foreach ((float similarity, Skill skill) in others)
        {
            if (skills.Count >= options.MaxCandidates)
                break;
            skills.Add(skill);
            similarities.Add(similarity);
        }
        return (skills, [.. similarities]);
    }

    /// <summary>
    /// The blend that acts for <paramref name="running"/> (see <see cref="Candidates"/> and <see cref="BlendedPolicy.Attend"/>),
    /// or null when no candidate has a network.
    /// </summary>
    public static BlendedPolicy? Blend(SkillLibrary library, Skill running, Facts facts, ReadOnlySpan<float> query, AttentionRetrievalOptions options,
        Func<Skill, bool>? serves = null)
    {
        (List<Skill> skills, float[] similarities) = Candidates(library, running, facts, query, options, serves);
        return skills.Count == 0 ? null : BlendedPolicy.Attend(skills, similarities, options);
    }

    private static bool HoldsRequired(Skill skill, Facts facts)
    {
        ulong needed = skill.Preconditions.Mask & skill.Preconditions.Values;
        return (facts.Bits & needed) == needed;
    }
}
