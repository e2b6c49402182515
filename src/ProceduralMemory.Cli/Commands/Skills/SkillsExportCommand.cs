using System.CommandLine;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary><c>procmem skills export [--output FILE] --library FILE</c>: the whole library as versioned JSON (docs/library-format.md).</summary>
internal static class SkillsExportCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        Option<string?> output = CommonOptions.OutputFile("--output", "File to write (replaced only once complete); standard output if omitted.");
        var command = new Command("export", "Write a library's skills as JSON.") { library, connectTimeout, output };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout)), parsed.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, string libraryPath, TimeSpan connectTimeout, string? outputPath)
    {
        using ISkillStore store = SkillStores.Open(libraryPath, readOnly: true, connectTimeout);
        LibraryDocument document = LibraryDocument.ReadFrom(store);
        if (outputPath is null)
        {
            using var buffer = new MemoryStream();
            LibraryJson.Write(buffer, document);
            console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Ok;
        }
        // Written beside the target and moved over it, so a failure never leaves a half-written export.
        string full = Path.GetFullPath(outputPath);
        string temporary = full + ".partial";
        try
        {
            using (FileStream file = File.Create(temporary))
                LibraryJson.Write(file, document);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
            throw new UsageException($"cannot write {outputPath}: {e.Message}");
        }
        console.Out.WriteLine($"Exported {document.Skills.Count} skills from {SkillStores.Describe(libraryPath)} to {outputPath}");
        return ExitCodes.Ok;
    }
}
