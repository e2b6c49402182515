namespace ProceduralMemory.Memory;

/// <summary>Binary search in a list of skills kept by ascending <see cref="Skill.Id"/>.</summary>
internal static class SkillIdOrder
{
    /// <summary>The position of skill <paramref name="id"/> in <paramref name="skills"/>, or the complement of where it would go.</summary>
    public static int IndexOf(List<Skill> skills, int id)
    {
        int low = 0, high = skills.Count - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            int compared = skills[middle].Id.CompareTo(id);
            if (compared == 0)
                return middle;
            if (compared < 0)
                low = middle + 1;
            else
                high = middle - 1;
        }
        return ~low;
    }
}
