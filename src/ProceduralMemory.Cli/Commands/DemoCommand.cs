using System.CommandLine;
using System.Globalization;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;
using Spectre.Console;

namespace ProceduralMemory.Cli.Commands;

/// <summary><c>procmem demo</c>: the seed tutorial's scenario, faithfully, with its defects fixed.</summary>
internal static class DemoCommand
{
    public const string CsvFile = "episodes.csv";
    public const string ChartFile = "demo.svg";

    public static Command Create(CliConsole console)
    {
        Option<int> episodes = CommonOptions.PositiveInt("--episodes", "Number of training episodes.", SeedTraining.DefaultEpisodes);
        Option<int> seed = CommonOptions.Seed();
        Option<string> output = CommonOptions.OutputDirectory();
        var command = new Command("demo", "Run the seed tutorial: an agent extracts a skill on the 5x5 grid world and replays it.")
        {
            episodes, seed, output,
        };
        command.SetAction(parsed => Run(console, parsed.GetValue(episodes), parsed.GetValue(seed), parsed.GetRequiredValue(output)));
        return command;
    }

    private static int Run(CliConsole console, int episodeCount, int seed, string outputPath)
    {
        OutputDirectory output = OutputDirectory.Prepare(outputPath);
        var world = new GridWorld();
        var agent = new SeedAgent(world, (ulong)seed);

        var episodes = new List<EpisodeMetrics>();
        foreach (EpisodeMetrics e in SeedTraining.Run(agent, episodeCount))
        {
            episodes.Add(e);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Episode {e.Episode}: Reward={e.Reward:0.0}, Steps={e.Steps}, Skills={e.Skills}, Success={e.Success}"));
        }

        if (console.IsTerminal)
            WriteRichSummary(console.Ansi, agent.Library, world.Facts);
        else
            WritePlainSummary(console.Out, agent.Library);

        string csv = output.WriteAllText(CsvFile, EpisodeMetricsCsv.Write(episodes));
        string chart = output.WriteAllText(ChartFile, DemoFigure.Create(episodes).ToSvg());
        console.Out.WriteLine();
        console.Out.WriteLine($"Wrote {csv}");
        console.Out.WriteLine($"Wrote {chart}");
        return ExitCodes.Ok;
    }

    private static string Describe(Skill skill) =>
        $"{skill.Name}: {PolicySummary(skill)}, used {skill.Statistics.Uses} times, {skill.Statistics.Successes} successes";

    private static string PolicySummary(Skill skill)
    {
        StoredPolicy stored = StoredPolicy.Of(skill.Policy);
        return stored.Codec.Summary(stored.Data);
    }

    private static void WritePlainSummary(TextWriter output, SkillLibrary library)
    {
        output.WriteLine();
        output.WriteLine("Learned skills:");
        foreach (Skill skill in library.Skills)
            output.WriteLine($"  {Describe(skill)}");
        output.WriteLine();
        output.WriteLine("Library statistics:");
        foreach (var (name, value) in StatisticsRows(library.GetStatistics()))
            output.WriteLine($"  {name}: {value}");
    }

    private static void WriteRichSummary(IAnsiConsole ansi, SkillLibrary library, FactSchema facts)
    {
        var skills = new Table().Title("Learned skills").AddColumns("Skill", "Policy", "Preconditions", "Uses", "Successes", "Demonstrations");
        foreach (Skill skill in library.Skills)
            skills.AddRow(Markup.Escape(skill.Name), Markup.Escape(PolicySummary(skill)),
                Markup.Escape(skill.Preconditions.Format(facts)),
                skill.Statistics.Uses.ToString(CultureInfo.InvariantCulture),
                skill.Statistics.Successes.ToString(CultureInfo.InvariantCulture),
                skill.Statistics.Demonstrations.ToString(CultureInfo.InvariantCulture));
        ansi.WriteLine();
        ansi.Write(skills);
        var stats = new Table().Title("Library statistics").HideHeaders().AddColumns("Statistic", "Value");
        foreach (var (name, value) in StatisticsRows(library.GetStatistics()))
            stats.AddRow(name, value);
        ansi.Write(stats);
    }

    private static IEnumerable<(string Name, string Value)> StatisticsRows(LibraryStatistics stats) =>
    [
        ("Total skills", stats.TotalSkills.ToString(CultureInfo.InvariantCulture)),
        ("Total uses", stats.TotalUses.ToString(CultureInfo.InvariantCulture)),
        ("Total successes", stats.TotalSuccesses.ToString(CultureInfo.InvariantCulture)),
        ("Total demonstrations", stats.TotalDemonstrations.ToString(CultureInfo.InvariantCulture) + " (merged near-duplicates count here, not as successes)"),
        ("Avg success rate", (stats.AverageSuccessRate * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%"),
    ];
}
