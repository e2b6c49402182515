using System.CommandLine;
using System.Globalization;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// <c>procmem skills prune --below RATE [--min-uses N] [--min-age EPISODES] [--dry-run] --library FILE</c>: forgets
/// skills old enough and used often enough to judge whose success rate is below RATE.
/// </summary>
internal static class SkillsPruneCommand
{
    public static Command Create(CliConsole console)
    {
        Option<double> below = CommonOptions.Fraction("--below", "Remove skills whose success rate is below this (0 to 1).", zeroAllowed: true);
        Option<int> minUses = CommonOptions.PositiveInt("--min-uses", "Judge only skills used at least this often.", 5);
        Option<int> minAge = CommonOptions.BoundedInt("--min-age", "Judge only skills created at least this many library episodes ago.", 0, minimum: 0);
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be removed; change nothing." };
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var command = new Command("prune", "Remove skills by a success-rate and age rule.") { below, minUses, minAge, dryRun, library, connectTimeout };
        command.SetAction(parsed => Run(console, new PruneRule
        {
            MinSuccessRate = parsed.GetValue(below),
            MinUses = parsed.GetValue(minUses),
            MinAgeEpisodes = parsed.GetValue(minAge),
        }, parsed.GetValue(dryRun), parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))));
        return command;
    }

    private static int Run(CliConsole console, PruneRule rule, bool dryRun, string libraryPath, TimeSpan connectTimeout)
    {
        using ISkillStore store = SkillStores.OpenExisting(libraryPath, readOnly: dryRun, connectTimeout);
        LibraryManifest manifest = SkillStores.ManifestOf(store, libraryPath);
        LibraryChanges all = store.ReadChanges(0);
        IReadOnlyCollection<int> removed = dryRun
            ? all.Skills.Where(s => rule.Selects(s.Uses, s.Successes, s.CreatedEpisode, all.Episodes)).Select(s => s.Id).ToList()
            : store.Prune(rule);
        string verb = dryRun ? "Would remove" : "Removed";
        string why = string.Create(CultureInfo.InvariantCulture,
            $"success rate below {rule.MinSuccessRate:0.###} after at least {rule.MinUses} uses, created at least {rule.MinAgeEpisodes} episodes ago");
        if (removed.Count == 0)
        {
            console.Out.WriteLine($"{verb} no skills from {SkillStores.Describe(libraryPath)} ({why}).");
            return ExitCodes.Ok;
        }
        TableWriter.Write(console, $"{verb} {removed.Count} skills from {SkillStores.Describe(libraryPath)} ({why})", SkillRows.HeadersFor(manifest),
            all.Skills.Where(s => removed.Contains(s.Id)).Select(s => SkillRows.Of(s, manifest, all.Episodes)).ToList());
        return ExitCodes.Ok;
    }
}
