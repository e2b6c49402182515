using System.CommandLine;
using ProceduralMemory.Environments.MiniGrid.Conformance;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem conformance FILE.jsonl</c>: replays episodes recorded from the reference MiniGrid and prints every
/// mismatch, then <c>N passed, M failed</c>; exit 1 if any failed, 2 if the file is missing or malformed.
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(CliConsole console)
    {
        Argument<string> file = CommonOptions.InputFile("FILE", "A conformance file: one recorded MiniGrid episode per line (JSON), plain or gzip.");
        var command = new Command("conformance", "Replay traces recorded from the reference MiniGrid (plain or gzip JSON lines) and report every difference.")
        {
            file,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(file)));
        return command;
    }

    private static int Run(CliConsole console, string path)
    {
        IReadOnlyList<ConformanceTrace> traces;
        try
        {
            traces = ConformanceFile.Load(path);
        }
        catch (ConformanceFormatException e)
        {
            throw new UsageException(e.LineNumber > 0 ? $"{path}: {e.Message}" : e.Message);
        }

        int failed = 0;
        foreach (ConformanceTrace trace in traces)
        {
            ConformanceResult result = ConformanceReplay.Replay(trace);
            if (result.Passed)
                continue;
            failed++;
            foreach (ConformanceMismatch mismatch in result.Mismatches)
                console.Out.WriteLine($"{mismatch} ({trace.Label})");
        }
        console.Out.WriteLine($"{traces.Count - failed} passed, {failed} failed");
        return failed == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
