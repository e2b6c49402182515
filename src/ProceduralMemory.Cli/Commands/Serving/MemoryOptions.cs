using System.CommandLine;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Commands.Tools;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Cli.Commands.Serving;

/// <summary>
/// The options of the commands that serve a procedure library to language-model agents (<c>procmem mcp</c>,
/// <c>procmem serve</c>): the library, and the tools whose trajectories may be recorded into it (a built-in domain with
/// <c>--domain</c>, or the user's own <c>--tools</c> file). Without either, the library is served for recall, listing and
/// outcomes only.
/// </summary>
internal sealed class MemoryOptions
{
    private const string TauPrefix = "tau-";

    public Option<string> Library { get; } = CommonOptions.Library();

    public Option<string?> Domain { get; } = new("--domain")
    {
        Description = "The built-in tool domain whose trajectories are recorded: tau-retail or tau-airline.",
    };

    public Option<string?> Tools { get; } = CommonOptions.ExistingFile("--tools", "A tools.json of your own tools, whose trajectories are recorded.");

    public Option<string?> Data { get; } = TauData.Option();

    public Option<int> ConsolidateEvery { get; } = CommonOptions.BoundedInt("--consolidate-every",
        "Consolidate the library (variants of one procedure merged, failing ones retired) after every N recorded successes; 0, the default, never.",
        0, minimum: 0);

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Library);
        command.Options.Add(Domain);
        command.Options.Add(Tools);
        command.Options.Add(Data);
        command.Options.Add(ConsolidateEvery);
    }

    /// <summary>
    /// Opens the library the parsed options name (created for the tools when it does not exist yet) and a
    /// <see cref="ProcedureMemory"/> over it. The caller disposes the store.
    /// </summary>
    /// <exception cref="UsageException">Both or neither tool source where one is needed, an unknown domain, a bad tools file, or an empty library without tools.</exception>
    public (ISkillStore Store, ProcedureMemory Memory) Open(ParseResult parsed)
    {
        string library = parsed.GetRequiredValue(Library);
        IReadOnlyList<ToolDefinition>? tools = ToolsOf(parsed.GetValue(Domain), parsed.GetValue(Tools), parsed.GetValue(Data));
        if (tools is null && !SkillStores.Exists(library))
            throw new UsageException($"{library} does not exist: give --domain or --tools to create it, or learn procedures into it first.");
        bool existed = SkillStores.Exists(library);
        // An existing library is checked read-only first: one that cannot be served (a MiniGrid skill library, one for
        // other tools) is refused without a byte of it written.
        if (existed)
        {
            using ISkillStore check = SkillStores.Open(library, readOnly: true);
            try
            {
                if (check.Manifest is not null || tools is null)
                    _ = new ProcedureMemory(check, tools);
            }
            catch (LibraryException e)
            {
                throw new UsageException($"{library}: {e.Message}");
            }
        }
        ISkillStore store = SkillStores.Open(library, readOnly: false);
        try
        {
            return (store, new ProcedureMemory(store, tools, options: new ProcedureMemoryOptions { ConsolidateEvery = parsed.GetValue(ConsolidateEvery) }));
        }
        catch (LibraryException e)
        {
            store.Dispose();
            if (!existed)
                SkillStores.Delete(library);
            throw new UsageException($"{library}: {e.Message}");
        }
    }

    /// <summary>The tools the parsed options give (<c>--domain</c> or <c>--tools</c>), or null when neither is given.</summary>
    /// <exception cref="UsageException">Both, an unknown domain, or a bad tools file.</exception>
    public IReadOnlyList<ToolDefinition>? ToolsOf(ParseResult parsed) => ToolsOf(parsed.GetValue(Domain), parsed.GetValue(Tools), parsed.GetValue(Data));

    private static IReadOnlyList<ToolDefinition>? ToolsOf(string? domain, string? toolsFile, string? data)
    {
        if (domain is not null && toolsFile is not null)
            throw new UsageException("give either --domain or --tools, not both.");
        if (domain is not null)
        {
            if (!domain.StartsWith(TauPrefix, StringComparison.Ordinal))
                throw new UsageException($"unknown domain '{domain}'; the domains are tau-retail, tau-airline.");
            return TauData.Load(domain[TauPrefix.Length..], data).CreateEnvironment().Tools;
        }
        if (toolsFile is null)
            return null;
        try
        {
            return ToolCatalog.Load(toolsFile).Tools;
        }
        catch (TraceFormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
