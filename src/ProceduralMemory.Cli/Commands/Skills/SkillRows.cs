using System.Globalization;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>How stored skills read in tables (one place, so list, show and prune agree).</summary>
internal static class SkillRows
{
    public static readonly string[] Headers = ["Id", "Name", "Preconditions", "Effect", "Policy", "Uses", "Successes", "Rate", "Demonstrations", "Age"];

    public static string[] Of(SkillRecord skill, FactSchema facts, long libraryEpisodes) =>
    [
        $"{skill.Id}",
        skill.Name,
        skill.Preconditions.Format(facts),
        skill.Effect.Format(facts),
        $"{skill.Policy.Kind} {skill.Policy.Shape}",
        $"{skill.Uses}",
        $"{skill.Successes}",
        skill.Uses == 0 ? "-" : ((double)skill.Successes / skill.Uses).ToString("0%", CultureInfo.InvariantCulture),
        $"{skill.Demonstrations}",
        $"{libraryEpisodes - skill.CreatedEpisode}",
    ];
}
