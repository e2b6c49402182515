using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands.Skills;

/// <summary>
/// <c>procmem skills merge [--threshold SIM] [--min-success-rate RATE] [--seed S] [--dry-run] [--json] --library FILE</c>:
/// merges near-duplicate skills (<see cref="NearDuplicateRule"/>) in one commit, and reports the least key distance
/// between skills with different effects before and after.
/// </summary>
internal static class SkillsMergeCommand
{
    public static Command Create(CliConsole console)
    {
        var threshold = new Option<double>("--threshold")
        {
            Description = "Least key similarity (cosine, -1 to 1) of a near-duplicate to the skill it merges with; -1 accepts any keys.",
            DefaultValueFactory = _ => -1.0,
            CustomParser = result =>
            {
                string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is >= -1 and <= 1)
                    return value;
                result.AddError($"--threshold must be a number from -1 to 1 (got '{text}').");
                return 0;
            },
        };
        Option<double> minSuccess = CommonOptions.Fraction("--min-success-rate",
            "Merge only skills used and successful at least this fraction of their uses (0 to 1).", zeroAllowed: true, defaultValue: 0.5);
        Option<int> seed = CommonOptions.Seed();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be merged; change nothing." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        var command = new Command("merge", "Merge near-duplicate skills (same effect, preconditions one fact apart) into one, retiring the absorbed ones.")
        {
            threshold, minSuccess, seed, dryRun, json, library, connectTimeout,
        };
        command.SetAction(parsed => Run(console, new NearDuplicateRule
        {
            MinKeySimilarity = (float)parsed.GetValue(threshold),
            MinSuccessRate = parsed.GetValue(minSuccess),
        }, (ulong)parsed.GetValue(seed), parsed.GetValue(dryRun), parsed.GetValue(json), parsed.GetRequiredValue(library),
            TimeSpan.FromSeconds(parsed.GetValue(connectTimeout))));
        return command;
    }

    private static int Run(CliConsole console, NearDuplicateRule rule, ulong seed, bool dryRun, bool json, string libraryPath, TimeSpan connectTimeout)
    {
        var agentDefaults = new ProceduralMemoryAgentOptions();
        using ISkillStore store = SkillStores.OpenExisting(libraryPath, readOnly: dryRun, connectTimeout);
        SkillStores.ManifestOf(store, libraryPath);
        StoredSkillMerge.Result result = StoredSkillMerge.Run(store, rule, agentDefaults.Cloning with { Seed = seed },
            agentDefaults.DemonstrationsPerSkill, dryRun);

        string where = SkillStores.Describe(libraryPath);
        string verb = dryRun ? "Would merge" : "Merged";
        console.Out.WriteLine(result.Merges.Count == 0
            ? $"{(dryRun ? "Would merge" : "Merged")} no skills in {where}: no near-duplicates."
            : $"{verb} {result.Merges.Sum(m => m.Members.Count)} skills into {result.Merges.Count} in {where}:");
        for (int i = 0; i < result.Merges.Count; i++)
        {
            SkillMerge merge = result.Merges[i];
            Skill made = result.Merged[i].Skill;
            string into = result.Merged[i].IsNew ? $"new skill #{made.Id} {made.Name}" : $"#{made.Id} {made.Name} (kept)";
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {string.Join(", ", merge.Members.Select(m => $"#{m.Id} {m.Name}"))} -> {into}: {made.Statistics.Uses} uses, {made.Statistics.Successes} successes, " +
                $"{made.Statistics.Demonstrations} demonstrations; {string.Join(", ", merge.Absorbed.Select(m => $"#{m.Id}"))} retired (restorable)") +
                Chains(result.Merged[i]));
        }
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Active skills {result.ActiveBefore} -> {result.ActiveAfter}; least key distance between different effects {Describe(result.Before)} -> {Describe(result.After)}."));
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                library = SkillStores.Describe(libraryPath),
                dry_run = dryRun,
                merges = result.Merges.Select((m, i) => new
                {
                    members = m.Members.Select(s => s.Id).ToArray(),
                    merged_id = result.Merged[i].Skill.Id,
                    merged_name = result.Merged[i].Skill.Name,
                    created = result.Merged[i].IsNew,
                    uses = result.Merged[i].Skill.Statistics.Uses,
                    successes = result.Merged[i].Skill.Statistics.Successes,
                    demonstrations = result.Merged[i].Skill.Statistics.Demonstrations,
                    least_key_similarity = m.LeastKeySimilarity,
                    chains_retired = result.Merged[i].RetiredChains.Select(c => c.Id).ToArray(),
                    chains_created = result.Merged[i].Chains.Select(c => c.Id).ToArray(),
                }).ToArray(),
                active_before = result.ActiveBefore,
                active_after = result.ActiveAfter,
                min_distance_before = result.Before?.Distance,
                min_distance_after = result.After?.Distance,
            }));
        return ExitCodes.Ok;
    }

    /// <summary>The chains that named an absorbed skill, and the chains naming the merged one that replace them.</summary>
    private static string Chains(MergedSkill made) => made.RetiredChains.Count == 0 ? "" :
        $"; chains {string.Join(", ", made.RetiredChains.Select(c => $"#{c.Id}"))} retired, replaced by " +
        (made.Chains.Count == 0 ? "chains already held" : string.Join(", ", made.Chains.Select(c => $"#{c.Id} {c.Name}")));

    private static string Describe((Skill First, Skill Second, double Distance)? closest) => closest is { } c
        ? string.Create(CultureInfo.InvariantCulture, $"{c.Distance:0.000} (#{c.First.Id} {c.First.Name} / #{c.Second.Id} {c.Second.Name})")
        : "none (fewer than two effects)";
}
