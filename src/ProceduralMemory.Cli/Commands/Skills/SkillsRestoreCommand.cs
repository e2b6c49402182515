using System.CommandLine;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// <c>procmem skills restore ID|NAME --library FILE</c>: makes a skill the lifecycle retired active again. Its
/// statistics are kept; the retirement rule judges it afresh from its next use, so it is not retired again at once.
/// </summary>
internal static class SkillsRestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var skill = new Argument<string>("skill") { Description = "The retired skill's id or name." };
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var command = new Command("restore", "Make a retired skill active again (the lifecycle judges it afresh).") { skill, library, connectTimeout };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(skill), parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))));
        return command;
    }

    private static int Run(CliConsole console, string wanted, string libraryPath, TimeSpan connectTimeout)
    {
        // Checked through a read-only store first, so that a refused restore does not even upgrade an older library.
        SkillRecord skill;
        using (ISkillStore reader = SkillStores.OpenExisting(libraryPath, readOnly: true, connectTimeout))
        {
            SkillStores.ManifestOf(reader, libraryPath);
            skill = SkillLookup.Find(reader.ReadChanges(0).Skills, wanted, libraryPath);
        }
        if (skill.Retired is not { } retired)
            throw new UsageException($"skill #{skill.Id} {skill.Name} in {SkillStores.Describe(libraryPath)} is active; only a retired skill can be restored.");
        using ISkillStore store = SkillStores.OpenExisting(libraryPath, readOnly: false, connectTimeout);
        store.Commit(new LibraryCommit { Updates = [new SkillUpdate(skill.Id) { StartTrial = true }] });
        console.Out.WriteLine($"Restored skill #{skill.Id} {skill.Name} in {SkillStores.Describe(libraryPath)} (retired at episode {retired.Episode}: {retired.Reason}); " +
            $"the lifecycle judges it afresh from its next use ({skill.Uses} uses, {skill.Successes} successes so far).");
        return ExitCodes.Ok;
    }
}
