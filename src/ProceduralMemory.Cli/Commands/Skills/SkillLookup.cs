using System.Globalization;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>Finds the skill a command names by id or name (one place, so show and restore refuse alike).</summary>
internal static class SkillLookup
{
    /// <summary>The skill <paramref name="wanted"/> names (an id, or a name held by one skill).</summary>
    /// <exception cref="UsageException">No skill, or several, answer to it.</exception>
    public static SkillRecord Find(IReadOnlyList<SkillRecord> skills, string wanted, string libraryPath)
    {
        if (int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            return skills.FirstOrDefault(s => s.Id == id) ?? throw new UsageException($"{SkillStores.Describe(libraryPath)} has no skill with id {id}.");
        var named = skills.Where(s => s.Name == wanted).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => throw new UsageException($"{SkillStores.Describe(libraryPath)} has no skill named '{wanted}' (see 'procmem skills list')."),
            _ => throw new UsageException($"{named.Count} skills are named '{wanted}' (ids {string.Join(", ", named.Select(s => s.Id))}); give an id."),
        };
    }
}
