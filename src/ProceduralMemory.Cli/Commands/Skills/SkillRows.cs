using System.Globalization;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// How stored skills read in tables (one place, so list, show and prune agree). A procedure library (the tool domain)
/// has no facts, so its rows leave out preconditions and effect and show each procedure's tool chain instead.
/// </summary>
internal static class SkillRows
{
    private static readonly string[] GridHeaders = ["Id", "Name", "Preconditions", "Effect", "Policy", "Uses", "Successes", "Rate", "Demonstrations", "Age", "Status", "Retired because"];

    private static readonly string[] ToolHeaders = ["Id", "Name", "Procedure", "Uses", "Successes", "Rate", "Demonstrations", "Age", "Status", "Retired because"];

    private static bool IsToolLibrary(LibraryManifest manifest) => manifest.Domain == ToolDomain.DomainName;

    public static string[] HeadersFor(LibraryManifest manifest) => IsToolLibrary(manifest) ? ToolHeaders : GridHeaders;

    /// <summary>Skill <paramref name="skillId"/>'s per-context counts and splits (<see cref="ContextLifecycle"/>), or "-" when it has none.</summary>
    public static string PerContext(int skillId, ContextLifecycle contexts)
    {
        string?[] parts = [contexts.DescribeCounts(skillId), contexts.DescribeSplits(skillId)];
        string text = string.Join("; ", parts.Where(p => p is not null));
        return text.Length == 0 ? "-" : text;
    }

    public static string[] Of(SkillRecord skill, LibraryManifest manifest, long libraryEpisodes)
    {
        string[] statistics =
        [
            $"{skill.Uses}",
            $"{skill.Successes}",
            skill.Uses == 0 ? "-" : ((double)skill.Successes / skill.Uses).ToString("0%", CultureInfo.InvariantCulture),
            $"{skill.Demonstrations}",
            $"{libraryEpisodes - skill.CreatedEpisode}",
            skill.Retired is null ? "active" : "retired",
            skill.Retired is { } retired ? $"{retired.Reason} (episode {retired.Episode})" : "-",
        ];
        if (IsToolLibrary(manifest))
            return [$"{skill.Id}", skill.Name, skill.Policy.Codec.Summary(skill.Policy.Data), .. statistics];
        var facts = new FactSchema(manifest.FactNames);
        return
        [
            $"{skill.Id}",
            skill.Name,
            skill.Preconditions.Format(facts),
            skill.Effect.Format(facts),
            $"{skill.Policy.Kind} {skill.Policy.Shape}",
            .. statistics,
        ];
    }
}
