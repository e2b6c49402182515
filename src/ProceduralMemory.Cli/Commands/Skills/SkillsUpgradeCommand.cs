using System.CommandLine;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// <c>procmem skills upgrade --library FILE</c>: brings a library written by an older release to this release's
/// schema, in one transaction. Commands that only read (eval, skills list, show, export) refuse an older schema
/// rather than write to it; any command that writes upgrades it too, and this one does nothing else.
/// </summary>
internal static class SkillsUpgradeCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var command = new Command("upgrade", "Upgrade a library written by an older release to this release's schema (nothing else changes).")
        {
            library, connectTimeout,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))));
        return command;
    }

    private static int Run(CliConsole console, string libraryPath, TimeSpan connectTimeout)
    {
        using ISkillStore store = SkillStores.OpenExisting(libraryPath, readOnly: false, connectTimeout);
        LibraryManifest manifest = SkillStores.ManifestOf(store, libraryPath);
        LibraryChanges all = store.ReadChanges(0);
        console.Out.WriteLine($"{SkillStores.Describe(libraryPath)} is at this release's schema: {all.Skills.Count} skills, "
            + $"{all.Episodes} episodes, domain {manifest.Domain}, keys {manifest.KeyModel}.");
        return ExitCodes.Ok;
    }
}
