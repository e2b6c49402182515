using System.CommandLine;
using ProceduralMemory.Environments.MiniGrid.Conformance;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem conformance FILE.jsonl</c>: replays episodes recorded from the reference MiniGrid and prints every
/// mismatch, then <c>N passed, M failed</c>; exit 1 if any failed, 2 if the file is missing or malformed. A tau-bench
/// file (its lines have <c>calls</c> and <c>final_digest</c>) is replayed instead against the domain whose data sits
/// beside it (<c>--domain</c>, by default the name of the file's directory).
/// </summary>
internal static class ConformanceCommand
{
    public static Command Create(CliConsole console)
    {
        Argument<string> file = CommonOptions.InputFile("FILE", "A conformance file: one recorded MiniGrid episode or tau-bench task per line (JSON), plain or gzip.");
        var domain = new Option<string?>("--domain")
        {
            Description = "For a tau-bench file: the domain (retail or airline); by default the name of the file's directory, whose data it uses.",
        };
        var command = new Command("conformance", "Replay traces recorded from the reference MiniGrid or tau-bench (plain or gzip JSON lines) and report every difference.")
        {
            file,
            domain,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(file), parsed.GetValue(domain)));
        return command;
    }

    private static int Run(CliConsole console, string path, string? domain)
    {
        string? first;
        try
        {
            first = TauConformanceFile.FirstLine(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Unreadable files are reported by the MiniGrid reader below, in its words.
            first = null;
        }
        if (first is not null && TauConformanceFile.IsTauLine(first))
            return RunTau(console, path, domain);
        if (domain is not null)
            throw new UsageException($"{path}: --domain applies to tau-bench files only, and this is not one.");

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

    private static int RunTau(CliConsole console, string path, string? domainName)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string name = domainName ?? Path.GetFileName(directory);
        if (!TauDomain.Names.Contains(name))
            throw new UsageException($"{path}: unknown tau-bench domain '{name}'; give --domain {string.Join(" or --domain ", TauDomain.Names)}.");

        TauDomain domain;
        IReadOnlyList<TauConformanceTrace> traces;
        try
        {
            domain = TauDomain.Load(name, directory);
            traces = TauConformanceFile.Load(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UsageException($"{path}: {e.Message}");
        }

        TauConformanceResult result = TauConformanceReplay.Replay(domain, traces);
        foreach (TauConformanceMismatch mismatch in result.Mismatches)
            console.Out.WriteLine(mismatch.ToString());
        console.Out.WriteLine($"{result.Tasks - result.FailedTasks} passed, {result.FailedTasks} failed ({name}: {result.Calls} calls, {result.Records} records, {result.Digests} digests checked)");
        return result.Passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
