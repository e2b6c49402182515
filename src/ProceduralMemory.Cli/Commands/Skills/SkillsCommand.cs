using System.CommandLine;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary><c>procmem skills list|show|export|import|prune|upgrade --library FILE</c>: inspect and manage a skill library.</summary>
internal static class SkillsCommand
{
    public static Command Create(CliConsole console) => new("skills", "Inspect, export, import, prune and upgrade the skills of a library.")
    {
        SkillsListCommand.Create(console),
        SkillsShowCommand.Create(console),
        SkillsExportCommand.Create(console),
        SkillsImportCommand.Create(console),
        SkillsPruneCommand.Create(console),
        SkillsUpgradeCommand.Create(console),
    };
}
