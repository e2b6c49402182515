using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Tau;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary>
/// Finds and reads the tau-bench data the tool commands run on: the domain's folder (<c>--data</c>, else
/// <c>data/tau-bench</c> in the working directory or a folder above it, else beside the program), and a task source
/// that is either a split's name (<c>train</c>, <c>test</c>) or a trace file of the user's own.
/// </summary>
internal static class TauData
{
    private static readonly string Relative = Path.Combine("data", "tau-bench");

    /// <summary>The <c>--data</c> option.</summary>
    public static System.CommandLine.Option<string?> Option() => new("--data")
    {
        Description = "The tau-bench data folder (holding retail/ and airline/); by default data/tau-bench in the working directory or a folder above it.",
    };

    /// <summary>Loads domain <paramref name="name"/> from <paramref name="data"/> or the folder found.</summary>
    /// <exception cref="UsageException">No such domain, no data found, or the data is malformed.</exception>
    public static TauDomain Load(string name, string? data)
    {
        if (!TauDomain.Names.Contains(name))
            throw new UsageException($"unknown tau-bench domain '{name}'; the domains are {string.Join(", ", TauDomain.Names)}.");
        string root = data ?? Find() ?? throw new UsageException(
            $"no tau-bench data found: run from the repository (data/tau-bench) or give --data FOLDER.");
        string folder = Path.Combine(root, name);
        if (!File.Exists(Path.Combine(folder, "tools.json")))
            throw new UsageException($"{folder}: no tau-bench {name} domain there (tools.json is missing).");
        try
        {
            return TauDomain.Load(name, folder);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new UsageException($"{folder}: {e.Message}");
        }
    }

    /// <summary>
    /// The tasks <paramref name="source"/> names: a split of <paramref name="domain"/>, or a trace file (procmem JSONL or
    /// chat transcripts) checked against the domain's tools, each trace a task whose ground truth is its calls.
    /// </summary>
    /// <exception cref="UsageException">Neither a split nor a readable, valid trace file (the message gives the line and JSON path).</exception>
    public static IReadOnlyList<ToolTask> Tasks(TauDomain domain, string source, string option)
    {
        if (domain.Splits.Contains(source))
            return domain.Tasks(source);
        if (!File.Exists(source))
            throw new UsageException($"{option} {source}: neither a split of {domain.Name} ({string.Join(", ", domain.Splits.Order())}) nor a trace file.");
        try
        {
            var catalog = new ToolCatalog(domain.Tools);
            return TraceReader.Read(source, catalog).Select((r, i) => new ToolTask($"{Path.GetFileName(source)}/{i + 1}",
                r.Demonstration.Instruction, r.Demonstration.Calls, [])).ToList();
        }
        catch (TraceFormatException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The tasks as demonstrations to learn from.</summary>
    public static IReadOnlyList<ToolDemonstration> Demonstrations(IReadOnlyList<ToolTask> tasks) =>
        tasks.Select(ProceduralMemory.Tools.Evaluation.ToolBenchmark.DemonstrationOf).ToList();

    private static string? Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, Relative)))
                    return Path.Combine(dir.FullName, Relative);
        return null;
    }
}
