using System.CommandLine;
using System.Text.Json;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// <c>procmem skills list [--json] --library FILE</c>: every skill with its conditions, policy and statistics; in a
/// library with per-context state (schema 7), each skill's counts per context and its splits too.
/// </summary>
internal static class SkillsListCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var json = new Option<bool>("--json") { Description = "Also print the skills as one JSON object on the last line." };
        var command = new Command("list", "List a library's skills.") { library, connectTimeout, json };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout)), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string libraryPath, TimeSpan connectTimeout, bool json)
    {
        using ISkillStore store = SkillStores.Open(libraryPath, readOnly: true, connectTimeout);
        LibraryManifest manifest = SkillStores.ManifestOf(store, libraryPath);
        LibraryChanges all = store.ReadChanges(0);
        // Only a library that has per-context state gets its column, so other listings read as before.
        ContextLifecycle? contexts = all.Contexts.IsEmpty ? null : ContextLifecycle.Of(all.Contexts);
        var skills = all.Skills.OrderBy(s => s.Id).ToList();
        string title = $"{SkillStores.Describe(libraryPath)}: {all.Skills.Count} skills ({all.Skills.Count(s => s.Retired is not null)} retired), {all.Episodes} episodes run (age counts episodes since a skill was created), keys from {manifest.KeyModel}";
        if (contexts is not null)
            title += $"; {contexts.Contexts.Centroids.Count} contexts, {contexts.Splits.Count} splits (per context: successes/uses)";
        string[] headers = SkillRows.HeadersFor(manifest);
        if (contexts is not null)
            headers = [.. headers, "Per context"];
        TableWriter.Write(console, title, headers,
            skills.Select(s => contexts is null ? SkillRows.Of(s, manifest, all.Episodes) : [.. SkillRows.Of(s, manifest, all.Episodes), SkillRows.PerContext(s.Id, contexts)]).ToList());
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                library = SkillStores.Describe(libraryPath),
                episodes = all.Episodes,
                contexts = contexts?.Contexts.Centroids.Count ?? 0,
                skills = skills.Select(s => new
                {
                    id = s.Id,
                    name = s.Name,
                    variant = s.Variant,
                    uses = s.Uses,
                    successes = s.Successes,
                    status = s.Retired is null ? "active" : "retired",
                    per_context = contexts?.Outcomes.ForSkill(s.Id).Select(c => new { context = c.Key, uses = c.Value.Uses, successes = c.Value.Successes }).ToArray() ?? [],
                    splits = contexts?.Splits.Where(x => x.Original == s.Id)
                        .Select(x => new { context = x.Context, variant = x.Variant, episode = x.Episode, reason = x.Reason }).ToArray() ?? [],
                }).ToArray(),
            }));
        return ExitCodes.Ok;
    }
}
