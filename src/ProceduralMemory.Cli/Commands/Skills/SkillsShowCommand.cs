using System.CommandLine;
using System.Globalization;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary><c>procmem skills show ID|NAME --library FILE</c>: one skill in full.</summary>
internal static class SkillsShowCommand
{
    public static Command Create(CliConsole console)
    {
        var skill = new Argument<string>("skill") { Description = "The skill's id or name." };
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var command = new Command("show", "Show one skill of a library in full.") { skill, library, connectTimeout };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(skill), parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))));
        return command;
    }

    private static int Run(CliConsole console, string wanted, string libraryPath, TimeSpan connectTimeout)
    {
        using ISkillStore store = SkillStores.Open(libraryPath, readOnly: true, connectTimeout);
        LibraryManifest manifest = SkillStores.ManifestOf(store, libraryPath);
        LibraryChanges all = store.ReadChanges(0);
        SkillRecord skill = SkillLookup.Find(all.Skills, wanted, libraryPath);
        var demonstrations = store.ReadDemonstrations(skill.Id);
        string[] row = SkillRows.Of(skill, manifest, all.Episodes);

        var fields = SkillRows.HeadersFor(manifest).Zip(row, (field, value) => (IReadOnlyList<string>)[field, value]).ToList();
        fields.Add(["Step limit", $"{skill.StepLimit}"]);
        // A procedure keeps its demonstrations in itself (its description counts them); the table holds trajectories.
        if (demonstrations.Count > 0 || skill.Policy.Kind != ProcedurePolicy.KindName)
            fields.Add(["Kept demonstrations", demonstrations.Count == 0 ? "0"
                : $"{demonstrations.Count} (steps: shortest {demonstrations.Min(d => d.Count)}, longest {demonstrations.Max(d => d.Count)})"]);
        fields.Add(["Created at episode", $"{skill.CreatedEpisode}"]);
        if (!all.Contexts.IsEmpty)
            fields.Add(["Per context", SkillRows.PerContext(skill.Id, Memory.Contexts.ContextLifecycle.Of(all.Contexts))]);
        fields.Add(["Key", $"{skill.Key.Length} numbers from {manifest.KeyModel}: " + string.Join(", ", skill.Key.Take(6).Select(v => v.ToString("0.000", CultureInfo.InvariantCulture))) + (skill.Key.Length > 6 ? ", ..." : "")]);
        var (policyField, policyValue) = skill.Policy.Codec.Describe(skill.Policy.Data, manifest);
        // A description over several lines (a procedure's steps) follows the table, where its lines keep their indents.
        bool below = policyValue.Contains('\n', StringComparison.Ordinal);
        if (!below)
            fields.Add([policyField, policyValue]);
        TableWriter.Write(console, $"Skill #{skill.Id} {skill.Name} in {SkillStores.Describe(libraryPath)}", ["Field", "Value"], fields);
        if (below)
        {
            console.Out.WriteLine();
            console.Out.WriteLine($"{policyField}:");
            foreach (string line in policyValue.Split('\n'))
                console.Out.WriteLine(("  " + line.TrimEnd('\r')).TrimEnd());
        }
        return ExitCodes.Ok;
    }
}
