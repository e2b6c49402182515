using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Cli.Commands.Serving;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures.Consolidation;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary>
/// <c>procmem procedures merge --library FILE (--domain D | --tools TOOLS.json) [--dry-run] [--json]</c>: consolidates a
/// procedure library in one commit (<see cref="ProcedureConsolidation"/>): variants of one procedure, recorded one
/// trajectory at a time, induced again as one from their pooled demonstrations and replay-checked, the variants retired
/// (restorable); procedures whose uses mostly fail retired by the lifecycle's rule. Prints each group and
/// <c>Active procedures A -> B</c>; with <c>--json</c> the last line is <c>{library, active_before, active_after,
/// groups: [{signature, variants, members, kept_out, literal, merged_id, merged_name, refusal}], retired_failing}</c>.
/// </summary>
internal static class ProceduresMergeCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new MemoryOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be merged and retired; change nothing." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("merge", "Merge variants of one procedure (recorded one at a time) into one, and retire failing procedures.")
        {
            options.Library, options.Domain, options.Tools, options.Data, dryRun, json,
        };
        command.SetAction(parsed => Run(console, options, parsed, parsed.GetValue(dryRun), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, MemoryOptions options, ParseResult parsed, bool dryRun, bool json)
    {
        string library = parsed.GetRequiredValue(options.Library);
        IReadOnlyList<ToolDefinition> tools = options.ToolsOf(parsed)
            ?? throw new UsageException("give --domain or --tools: procedures are induced again from the tools' schemas.");
        if (!SkillStores.Exists(library))
            throw new UsageException($"{library} does not exist: learn or record procedures into it first.");
        using ISkillStore store = SkillStores.OpenExisting(library, readOnly: dryRun);
        ProcedureConsolidation.Result result;
        try
        {
            result = new ProcedureMemory(store, tools).Consolidate(dryRun);
        }
        catch (LibraryException e)
        {
            throw new UsageException($"{library}: {e.Message}");
        }

        foreach ((Skill skill, SkillRetirement retirement) in result.Failing)
            console.Out.WriteLine($"retire {skill.Id} {skill.Name}: {retirement.Reason}");
        foreach (ProcedureGroup group in result.Groups)
        {
            string outcome = group.Merged is null
                ? "not merged: " + group.Refusal
                : $"{group.Members.Count} merged into {(group.Into is { } into ? $"{into.Id} {into.Name}" : "a new procedure")}"
                  + string.Create(CultureInfo.InvariantCulture, $" (uses {group.Counts.Uses}, successes {group.Counts.Successes}, demonstrations {group.Counts.Demonstrations})")
                  + (group.KeptOut.Any() ? $"; kept out (it could not replay their demonstrations): {string.Join(", ", group.KeptOut.Select(k => k.Id))}" : "")
                  + (group.Literal.Count > 0 ? $"; replayed only literally: {string.Join(", ", group.Literal.Select(k => k.Id))}" : "");
            console.Out.WriteLine($"{group.Signature}: {group.Variants.Count} variants, {outcome}");
        }
        console.Out.WriteLine($"Active procedures {result.ActiveBefore} -> {result.ActiveAfter}{(dryRun ? " (dry run: nothing written)" : "")}");
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                library = SkillStores.Describe(library),
                dry_run = dryRun,
                active_before = result.ActiveBefore,
                active_after = result.ActiveAfter,
                groups = result.Groups.Select(g => new
                {
                    signature = g.Signature,
                    variants = g.Variants.Select(v => v.Id),
                    members = g.Members.Select(m => m.Id),
                    kept_out = g.KeptOut.Select(k => k.Id),
                    literal = g.Literal.Select(k => k.Id),
                    merged_id = g.Into?.Id,
                    merged_name = g.Into?.Name,
                    refusal = g.Refusal,
                }),
                retired_failing = result.Failing.Select(f => new { id = f.Skill.Id, name = f.Skill.Name, reason = f.Retirement.Reason }),
            }));
        return ExitCodes.Ok;
    }
}
