using System.Globalization;
using System.Text.Json.Nodes;
using ProceduralMemory.Cli.Tests.Library;

namespace ProceduralMemory.Cli.Tests.Commands;

/// <summary>
/// <c>procmem skills merge</c>: on the trained library with a variant of its most used neural skill added (the same
/// skill with one precondition flipped), imported into a new file.
/// </summary>
public class SkillsMergeCommandTests(TrainedLibrary library) : IClassFixture<TrainedLibrary>
{
    /// <summary>The trained library plus a copy of its most successful network skill, named NAME#9, with mission_door_open required true.</summary>
    private string WithAVariant(TemporaryDirectory dir, out int variantId, out int originalId)
    {
        string exported = dir.Combine("export.json"), target = dir.Combine("variant.db");
        Assert.Equal(0, CliRun.Of("skills", "export", "--library", library.Path, "--output", exported).ExitCode);
        JsonNode document = JsonNode.Parse(File.ReadAllText(exported))!;
        JsonArray skills = document["skills"]!.AsArray();
        JsonNode original = skills.Where(s => s!["policy"]!["kind"]!.GetValue<string>() == "mlp")
            .OrderByDescending(s => s!["successes"]!.GetValue<int>()).First()!;
        int bit = document["facts"]!.AsArray().Select(f => f!.GetValue<string>()).ToList().IndexOf("mission_door_open");
        JsonNode variant = original.DeepClone();
        originalId = original["id"]!.GetValue<int>();
        variantId = skills.Max(s => s!["id"]!.GetValue<int>()) + 1;
        variant["id"] = variantId;
        variant["name"] = original["name"]!.GetValue<string>() + "#9";
        variant["preconditions"]!["mission_door_open"] = true;
        string[] identity = variant["identity"]!.GetValue<string>().Split(' ', '/');
        ulong values = ulong.Parse(identity[2], NumberStyles.HexNumber, CultureInfo.InvariantCulture) | 1UL << bit;
        variant["identity"] = $"pre {identity[1]}/{values:x16} eff {identity[4]}/{identity[5]}";
        skills.Add(variant);
        File.WriteAllText(exported, document.ToJsonString());
        CliRun imported = CliRun.Of("skills", "import", exported, "--library", target);
        Assert.True(imported.ExitCode == 0, imported.Error);
        return target;
    }

    [Fact]
    public void Merge_JoinsTheVariant_InOneNewSkill_RetiringBoth_AndPrintsOneJsonObjectLast()
    {
        using var dir = new TemporaryDirectory();
        string target = WithAVariant(dir, out int variantId, out int originalId);

        CliRun run = CliRun.Of("skills", "merge", "--library", target, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("Merged 2 skills into 1 in ", run.OutLines[0]);
        JsonNode result = JsonNode.Parse(run.OutLines[^1])!;
        JsonNode merge = Assert.Single(result["merges"]!.AsArray())!;
        Assert.Equal([originalId, variantId], merge["members"]!.AsArray().Select(m => m!.GetValue<int>()).Order());
        Assert.True(merge["created"]!.GetValue<bool>());
        Assert.False(result["dry_run"]!.GetValue<bool>());
        Assert.Equal(result["active_before"]!.GetValue<int>() - 1, result["active_after"]!.GetValue<int>());
        Assert.True(result["min_distance_after"] is null || result["min_distance_after"]!.GetValue<double>() >= result["min_distance_before"]!.GetValue<double>());

        string list = string.Join('\n', CliRun.Of("skills", "list", "--library", target).OutLines);
        int chainsReplaced = merge["chains_retired"]!.AsArray().Count;
        Assert.True(list.Contains($"({2 + chainsReplaced} retired)", StringComparison.Ordinal), list); // both members, and any chain naming one
        Assert.Contains($"merged into {merge["merged_name"]!.GetValue<string>()}, a near-duplicate", list);
        Assert.Equal(0, CliRun.Of("skills", "restore", variantId.ToString(CultureInfo.InvariantCulture), "--library", target).ExitCode);
    }

    [Fact]
    public void DryRun_ChangesNothing_AndIsDeterministic()
    {
        using var dir = new TemporaryDirectory();
        string target = WithAVariant(dir, out _, out _);
        byte[] before = File.ReadAllBytes(target);

        CliRun first = CliRun.Of("skills", "merge", "--library", target, "--dry-run", "--json");
        CliRun second = CliRun.Of("skills", "merge", "--library", target, "--dry-run", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("Would merge 2 skills into 1", first.OutLines[0]);
        Assert.Equal(first.Out, second.Out);
        Assert.Equal(before, File.ReadAllBytes(target));
        Assert.Contains("(0 retired)", CliRun.Of("skills", "list", "--library", target).OutLines[0]);
    }

    [Theory]
    [InlineData("--threshold", "1.5")]
    [InlineData("--threshold", "abc")]
    [InlineData("--min-success-rate", "2")]
    public void BadInput_IsRefusedWithOneLine_ExitTwo_AndTheLibraryUnchanged(string option, string value)
    {
        using var dir = new TemporaryDirectory();
        string copy = library.CopyTo(dir);
        byte[] before = File.ReadAllBytes(copy);

        CliRun run = CliRun.Of("skills", "merge", "--library", copy, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Equal(before, File.ReadAllBytes(copy));
    }
}
