using System.CommandLine;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary><c>procmem procedures learn|merge</c>: tool procedures learned from demonstrations into a library, and consolidated there.</summary>
internal static class ProceduresCommand
{
    public static Command Create(CliConsole console) => new("procedures", "Learn procedures for tool-using agents from demonstrations.")
    {
        ProceduresLearnCommand.Create(console),
        ProceduresMergeCommand.Create(console),
    };
}
