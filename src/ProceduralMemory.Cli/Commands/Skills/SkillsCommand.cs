using System.CommandLine;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary><c>procmem skills list|show|restore|merge|export|import|prune|upgrade|encode --library FILE</c>: inspect and manage a skill library.</summary>
internal static class SkillsCommand
{
    public static Command Create(CliConsole console) => new("skills", "Inspect, restore, merge, export, import, prune, upgrade and re-encode the skills of a library.")
    {
        SkillsListCommand.Create(console),
        SkillsShowCommand.Create(console),
        SkillsRestoreCommand.Create(console),
        SkillsMergeCommand.Create(console),
        SkillsExportCommand.Create(console),
        SkillsImportCommand.Create(console),
        SkillsPruneCommand.Create(console),
        SkillsUpgradeCommand.Create(console),
        SkillsEncodeCommand.Create(console),
    };
}
