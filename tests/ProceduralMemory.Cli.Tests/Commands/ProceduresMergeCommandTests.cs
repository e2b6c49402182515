using System.Text.Json;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Cli.Tests.Commands;

public class ProceduresMergeCommandTests
{
    // A library of recorded cancellations (variants of one procedure) and the tools.json of their tools.
    private static (string Library, string Tools) Recorded(TemporaryDirectory dir)
    {
        string library = dir.Combine("recorded.db");
        using (ISkillStore store = SqliteSkillStore.Open(library))
            RecordedCancellations.RecordEach(store, ProcedureLibrary.DefaultKeys(), RecordedCancellations.All());
        string tools = dir.Combine("tools.json");
        File.WriteAllText(tools, JsonSerializer.Serialize(RecordedCancellations.Tools.Select(t => new Dictionary<string, object>
        {
            ["name"] = t.Name, ["description"] = t.Description, ["parameters"] = t.Parameters, ["x-changes-state"] = t.ChangesState,
        })));
        return (library, tools);
    }

    [Fact]
    public void Merge_DryRunPrintsTheGroup_ThenMergeMergesIt_AndPrintsActiveBeforeAndAfter()
    {
        using var dir = new TemporaryDirectory();
        var (library, tools) = Recorded(dir);
        byte[] before = File.ReadAllBytes(library);

        CliRun dry = CliRun.Of("procedures", "merge", "--library", library, "--tools", tools, "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Equal(before, File.ReadAllBytes(library));
        Assert.Contains(dry.OutLines, l => l.StartsWith("cancel_pending_order(order_id,reason): ", StringComparison.Ordinal));

        CliRun run = CliRun.Of("procedures", "merge", "--library", library, "--tools", tools, "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        JsonElement result = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.Equal(1, result.GetProperty("active_after").GetInt32());
        Assert.True(result.GetProperty("active_before").GetInt32() > 1);
        Assert.Contains(run.OutLines, l => l.StartsWith("Active procedures ", StringComparison.Ordinal) && l.EndsWith("-> 1", StringComparison.Ordinal));
        JsonElement group = result.GetProperty("groups").EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Number, group.GetProperty("merged_id").ValueKind);
    }

    [Fact]
    public void Merge_WithoutTools_OrOnAMissingLibrary_ExitsTwo_AndTouchesNothing()
    {
        using var dir = new TemporaryDirectory();
        var (library, tools) = Recorded(dir);
        byte[] before = File.ReadAllBytes(library);

        CliRun noTools = CliRun.Of("procedures", "merge", "--library", library);
        Assert.Equal(2, noTools.ExitCode);
        Assert.Single(noTools.ErrorLines);
        Assert.Equal(before, File.ReadAllBytes(library));

        string missing = dir.Combine("missing.db");
        CliRun none = CliRun.Of("procedures", "merge", "--library", missing, "--tools", tools);
        Assert.Equal(2, none.ExitCode);
        Assert.False(File.Exists(missing));
    }
}
