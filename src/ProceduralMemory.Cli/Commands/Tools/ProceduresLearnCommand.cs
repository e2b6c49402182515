using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary>
/// <c>procmem procedures learn --domain tau-retail|tau-airline [--tasks SPLIT | --traces FILE] [--library FILE] [--json]</c>,
/// or <c>procmem procedures learn --tools TOOLS.json --traces FILE</c> for a user's own tools: induces procedures from
/// the demonstrations (the domain's tasks, or traces in the formats of docs/traces.md) and stores them in the library.
/// Look-ups run against the domain, or for a user's own tools are answered from what the traces recorded. The whole
/// file is read and checked before anything is stored: a malformed trace, an unknown tool or an argument that breaks
/// its schema is exit 2 with the line and JSON path, and the library is left as it was. With <c>--json</c> the last line
/// is <c>{library, demonstrations, subgoals, procedures: [{id, created, name, demonstrations, steps}]}</c>.
/// </summary>
internal static class ProceduresLearnCommand
{
    private const string TauPrefix = "tau-";

    public static Command Create(CliConsole console)
    {
        var domain = new Option<string?>("--domain") { Description = $"A built-in tool domain: {string.Join(" or ", TauDomain.Names.Select(n => TauPrefix + n))}." };
        var tasks = new Option<string?>("--tasks") { Description = "With --domain: the split whose tasks are the demonstrations (default: train, or test for a domain without one)." };
        Option<string?> traces = CommonOptions.ExistingFile("--traces", "A file of the user's own demonstrations: procmem JSONL traces or chat transcripts (docs/traces.md).");
        Option<string?> tools = CommonOptions.ExistingFile("--tools", "With --traces and no --domain: the tools.json of the user's own tools.");
        Option<string> library = CommonOptions.Library();
        var data = TauData.Option();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("learn", "Induce procedures from demonstrations (a domain's tasks or your own traces) and store them in a library.")
        {
            domain, tasks, traces, tools, library, data, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(domain), parsed.GetValue(tasks), parsed.GetValue(traces), parsed.GetValue(tools),
            parsed.GetRequiredValue(library), parsed.GetValue(data), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string? domainName, string? tasks, string? traces, string? toolsFile, string library, string? data, bool json)
    {
        var (environment, demonstrations) = Demonstrations(domainName, tasks, traces, toolsFile, data);
        var inducer = new ProcedureInducer(environment);
        foreach (ToolDemonstration demonstration in demonstrations)
        {
            inducer.Add(demonstration);
            if (inducer.Demonstrations % 100 == 0)
                console.Error.WriteLine($"explained {inducer.Demonstrations} of {demonstrations.Count} demonstrations");
        }
        IReadOnlyList<Procedure> procedures = inducer.Procedures();
        var keys = ProcedureLibrary.DefaultKeys();

        bool existed = SkillStores.Exists(library);
        IReadOnlyList<(int Id, bool Created)> stored;
        try
        {
            using ISkillStore store = SkillStores.Open(library, readOnly: false);
            ProcedureLibrary.Open(store, environment.Tools.Select(t => t.Name), keys);
            stored = ProcedureLibrary.Add(store, keys, procedures);
        }
        catch
        {
            // A library this command created and could not fill is removed, not left half-made.
            if (!existed)
                SkillStores.Delete(library);
            throw;
        }

        console.Out.WriteLine($"Learned {procedures.Count} procedures from {inducer.Demonstrations} demonstrations ({inducer.Subgoals} sub-goals) into {SkillStores.Describe(library)}:");
        console.Out.WriteLine($"{"id",4} {"",4} {"demos",6}  steps");
        for (int i = 0; i < procedures.Count; i++)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{stored[i].Id,4} {(stored[i].Created ? "new" : "had"),4} {procedures[i].Demonstrations.Count,6}  {string.Join(" -> ", procedures[i].Steps.Select(s => s.ForEach is null ? s.Tool : s.Tool + "*"))}"));
        console.Out.WriteLine("See each with: procmem skills show ID --library " + library);
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                library = SkillStores.Describe(library),
                demonstrations = inducer.Demonstrations,
                subgoals = inducer.Subgoals,
                procedures = procedures.Select((p, i) => new
                {
                    id = stored[i].Id,
                    created = stored[i].Created,
                    name = ProcedureSkills.NameOf(p),
                    demonstrations = p.Demonstrations.Count,
                    steps = p.Steps.Select(s => s.Tool),
                }),
            }));
        return ExitCodes.Ok;
    }

    private static (IToolEnvironment Environment, IReadOnlyList<ToolDemonstration> Demonstrations) Demonstrations(
        string? domainName, string? tasks, string? traces, string? toolsFile, string? data)
    {
        if ((domainName is null) == (toolsFile is null))
            throw new UsageException("give either --domain (a built-in domain) or --tools with --traces (your own tools).");
        if (traces is not null && tasks is not null)
            throw new UsageException("give either --tasks or --traces, not both.");
        if (domainName is not null)
        {
            if (!domainName.StartsWith(TauPrefix, StringComparison.Ordinal))
                throw new UsageException($"unknown domain '{domainName}'; the domains are {string.Join(", ", TauDomain.Names.Select(n => TauPrefix + n))}.");
            TauDomain domain = TauData.Load(domainName[TauPrefix.Length..], data);
            string source = traces ?? tasks ?? (domain.Splits.Contains("train") ? "train" : "test");
            return (domain.CreateEnvironment(), TauData.Demonstrations(TauData.Tasks(domain, source, traces is null ? "--tasks" : "--traces")));
        }
        if (traces is null)
            throw new UsageException("--tools needs --traces: the demonstrations on those tools.");
        try
        {
            ToolCatalog catalog = ToolCatalog.Load(toolsFile!);
            IReadOnlyList<TraceRecord> records = TraceReader.Read(traces, catalog);
            return (new RecordedToolEnvironment(catalog.Tools, records), records.Select(r => r.Demonstration).ToList());
        }
        catch (TraceFormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
