namespace ProceduralMemory.Memory;

/// <summary>
/// How far apart the keys of distinct skills are: the least cosine distance (1 - cosine similarity) between the keys
/// of two active skills with different effects. Interference management keeps it from falling (a merge that would
/// lower it is not made, <see cref="NearDuplicateRule"/>); a small one means a query meant for one skill may retrieve
/// a skill that does something else.
/// </summary>
/// <remarks>
/// Chains (<see cref="SkillChainPolicy"/>) are left out: a chain's key is its first child's by construction, so a
/// chain and its first child (which have different effects) are at distance 0 whatever is done.
/// </remarks>
public static class KeySeparation
{
    /// <summary>Whether <paramref name="skill"/> counts in the measure: active and not a chain.</summary>
    public static bool Counts(Skill skill)
    {
        ArgumentNullException.ThrowIfNull(skill);
        return !skill.IsRetired && skill.Policy is not SkillChainPolicy;
    }

    /// <summary>
    /// The closest pair of counted skills of <paramref name="library"/> with different effects and their cosine
    /// distance (lowest ids first among equals); null when fewer than two effects are present.
    /// </summary>
    public static (Skill First, Skill Second, double Distance)? Closest(SkillLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        List<Skill> counted = library.ActiveSkills.Where(Counts).ToList();
        (Skill, Skill, double)? closest = null;
        for (int i = 0; i < counted.Count; i++)
            for (int j = i + 1; j < counted.Count; j++)
            {
                if (counted[i].Effect == counted[j].Effect)
                    continue;
                double distance = 1.0 - VectorMath.CosineSimilarity(counted[i].Key, counted[j].Key);
                if (closest is null || distance < closest.Value.Item3)
                    closest = (counted[i], counted[j], distance);
            }
        return closest;
    }
}
