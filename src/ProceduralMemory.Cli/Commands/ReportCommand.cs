using System.CommandLine;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem report --run DIR [--out FILE]</c>: one self-contained HTML page of the training run in DIR (what
/// <c>procmem train --out DIR</c> wrote), read from its files alone, written to DIR/report.html unless told otherwise.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<string>("--run") { Description = "The training run's folder (what 'procmem train --out DIR' wrote).", Required = true };
        Option<string?> output = CommonOptions.OutputFile("--out", $"The page to write (default: {RunReport.File} in the run's folder).");
        var command = new Command("report", "Write one self-contained HTML page of a training run: curves, evaluations, skills, settings.")
        {
            run, output,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(run), parsed.GetValue(output)));
        return command;
    }

    private static int Run(CliConsole console, string runPath, string? outputPath)
    {
        RunFolder run = RunFolder.Read(runPath);
        string target = outputPath ?? Path.Combine(runPath, RunReport.File);
        string folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        string html = RunReport.Html(run);
        console.Out.WriteLine($"Wrote {OutputDirectory.Prepare(folder).WriteAllText(Path.GetFileName(target), html)}");
        return ExitCodes.Ok;
    }
}
