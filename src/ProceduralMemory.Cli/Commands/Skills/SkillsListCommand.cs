using System.CommandLine;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary><c>procmem skills list --library FILE</c>: every skill with its conditions, policy and statistics.</summary>
internal static class SkillsListCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var command = new Command("list", "List a library's skills.") { library, connectTimeout };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))));
        return command;
    }

    private static int Run(CliConsole console, string libraryPath, TimeSpan connectTimeout)
    {
        using ISkillStore store = SkillStores.Open(libraryPath, readOnly: true, connectTimeout);
        LibraryManifest manifest = SkillStores.ManifestOf(store, libraryPath);
        LibraryChanges all = store.ReadChanges(0);
        TableWriter.Write(console, $"{SkillStores.Describe(libraryPath)}: {all.Skills.Count} skills ({all.Skills.Count(s => s.Retired is not null)} retired), {all.Episodes} episodes run (age counts episodes since a skill was created), keys from {manifest.KeyModel}",
            SkillRows.HeadersFor(manifest), all.Skills.OrderBy(s => s.Id).Select(s => SkillRows.Of(s, manifest, all.Episodes)).ToList());
        return ExitCodes.Ok;
    }
}
