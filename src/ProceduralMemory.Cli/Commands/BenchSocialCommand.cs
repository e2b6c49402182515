using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Cli.Team;
using ProceduralMemory.Environments;
using ProceduralMemory.Postgres;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench social --env E --agents 1,2,4 --target R --steps N [--repeats K] [--json]</c>: social learning,
/// measured. For each team size, teams of agent processes learn into a new shared library; each member's own
/// training steps until its held-out evaluation reaches the target return by <see cref="TargetRule"/> (two evaluations
/// in a row, each on at least 100 distinct test layouts; fewer test layouts are refused) are compared with a lone agent's.
/// Member <c>k</c> of repeat <c>r</c> has seed <c>seed + 100 r + k</c> in every team size, so member 1 of each team
/// is the lone agent's twin. With <c>--json</c> the last line is <c>{env, target, steps, repeats, results: [{agents,
/// members, reached, median_steps_to_target, mean_steps_to_target, catch_up_ms_median, catch_up_ms_max}]}</c>
/// (steps to target over the members that reached it; the median counts a member that did not as beyond the budget).
/// Libraries are SQLite files in the output folder, or new databases on the PostgreSQL server <c>--server</c> names.
/// </summary>
internal static class BenchSocialCommand
{
    public const string CsvFile = "social.csv", ChartFile = "social.svg";

    public static Command Create(CliConsole console)
    {
        Option<string> env = CommonOptions.Environment("doorkey-8x8");
        var agents = new Option<string>("--agents") { Description = $"Team sizes to compare, comma-separated, each 1 to {AgentTeam.MaxAgents}.", DefaultValueFactory = _ => "1,2,4" };
        Option<double> target = CommonOptions.Fraction("--target", "The evaluation return each agent must reach.", zeroAllowed: false, defaultValue: 0.93);
        Option<int> steps = CommonOptions.PositiveInt("--steps", "Training budget of each agent, in its own environment steps.", 20_000);
        Option<int> evalEvery = CommonOptions.PositiveInt("--eval-every", "Training steps between evaluations.", 1000);
        // Seeds 0-99 give 99 distinct doorkey-8x8 layouts (two share one); 0-100 give the 100 the target rule needs.
        Option<int[]> evalSeeds = SeedRange.Option("--eval-seeds", "0-100");
        Option<int> repeats = CommonOptions.PositiveInt("--repeats", "Teams of each size, with different seeds.", 2);
        Option<int> seed = CommonOptions.Seed(1);
        Option<string> output = CommonOptions.OutputDirectory("procmem-social");
        var server = new Option<string?>("--server")
        {
            Description = "A PostgreSQL server (connection string or postgres:// URI) on which each team gets a new database " +
                "procmem_social_<agents>_<team>; without it each team gets a SQLite file in --out.",
        };
        CommonOptions.RefusePassword(server);
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("social", "Social learning: steps each agent needs to reach a target return, alone and in teams sharing one library.")
        {
            env, agents, target, steps, evalEvery, evalSeeds, repeats, seed, output, server, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(env), ParseSizes(parsed.GetRequiredValue(agents)), parsed.GetValue(target),
            parsed.GetValue(steps), parsed.GetValue(evalEvery), parsed.GetRequiredValue(evalSeeds), parsed.GetValue(repeats), parsed.GetValue(seed),
            parsed.GetRequiredValue(output), parsed.GetValue(server), parsed.GetValue(json)));
        return command;
    }

    private static int[] ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (string part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1 || size > AgentTeam.MaxAgents)
                throw new UsageException($"--agents must be team sizes from 1 to {AgentTeam.MaxAgents} separated by commas (got '{text}').");
            sizes.Add(size);
        }
        return [.. sizes.Distinct().Order()];
    }

    private static int Run(CliConsole console, string envName, int[] sizes, double target, int steps, int evalEvery, int[] evalSeeds,
        int repeats, int seed, string outputPath, string? server, bool json)
    {
        if (server is not null && !PostgresLocation.IsPostgres(server))
            throw new UsageException($"--server must be a PostgreSQL connection string or postgres:// URI (got '{server}').");
        int testLayouts = LayoutSplit.Of(EnvironmentRegistry.Create(envName), evalSeeds).TestSeeds.Count;
        if (testLayouts < TargetRule.MinimumLayouts)
            throw new UsageException($"--eval-seeds {SeedRange.Format(evalSeeds)} give {testLayouts} distinct {envName} test layouts: " +
                $"a target counts only on at least {TargetRule.MinimumLayouts}; give more seeds.");
        OutputDirectory output = OutputDirectory.Prepare(outputPath);
        console.Out.WriteLine($"Social learning on {envName}: teams of {string.Join(", ", sizes)} agents, {repeats} teams each, " +
            $"{steps} steps per agent; steps each agent needs to reach an evaluation return of {target.ToString(CultureInfo.InvariantCulture)} " +
            $"at {TargetRule.ConsecutiveEvaluations} evaluations in a row on the {testLayouts} distinct layouts of seeds {SeedRange.Format(evalSeeds)}");

        var results = new List<TeamSizeResult>();
        foreach (int size in sizes)
        {
            var teams = new List<IReadOnlyList<TeamMemberResult>>();
            for (int repeat = 0; repeat < repeats; repeat++)
            {
                string run = $"agents-{size}-run-{repeat + 1}";
                // Each team starts from an empty library of its own.
                string library = server is null
                    ? Path.Combine(output.Path, run + ".db")
                    : PostgresDatabases.Recreate(server, $"procmem_social_{size}_{repeat + 1}");
                if (server is null)
                    SkillStores.Delete(library);
                var plan = new TeamPlan(envName, size, steps, null, library, seed + 100 * repeat, Path.Combine(output.Path, run),
                    evalSeeds, evalEvery, new Agents.ProceduralMemoryAgentOptions().EpisodesToKeep);
                IReadOnlyList<TeamMemberResult> team = AgentTeam.Run(plan, line =>
                {
                    if (line.Contains("error: ", StringComparison.Ordinal))
                        console.Error.WriteLine(line);
                });
                if (team.FirstOrDefault(m => m.Failure is not null) is { } failed)
                    throw new UsageException($"agent {failed.Member + 1} of {run} failed: {failed.Failure}");
                teams.Add(team);
                console.Out.WriteLine($"  {size} agent{(size == 1 ? "" : "s")}, team {repeat + 1}: steps to {target.ToString(CultureInfo.InvariantCulture)}: " +
                    string.Join(", ", team.Select(m => m.StepsToReach(target)?.ToString(CultureInfo.InvariantCulture) ?? "not reached")));
            }
            results.Add(TeamSizeResult.Of(size, teams, target));
        }

        console.Out.WriteLine();
        TableWriter.Write(console, $"Steps each agent needs to reach {target.ToString(CultureInfo.InvariantCulture)}",
            ["Agents", "Reached", "Median steps", "Mean steps", "vs alone", "Catch-up median ms", "Catch-up max ms"],
            [.. results.Select(r => (IReadOnlyList<string>)
            [
                $"{r.Agents}", $"{r.Reached}/{r.Members}", Format(r.MedianSteps), Format(r.MeanSteps),
                r.MedianSteps is { } m && results[0].MedianSteps is { } alone ? (m / alone).ToString("0.00", CultureInfo.InvariantCulture) : "-",
                Format(r.CatchUpMedianMs), Format(r.CatchUpMaxMs),
            ])]);
        console.Out.WriteLine($"Wrote {output.WriteAllText(CsvFile, Csv(results))}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(ChartFile, SocialReport.Chart(envName, target, results).ToSvg())}");
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                env = envName,
                target,
                steps,
                repeats,
                results = results.Select(r => new
                {
                    agents = r.Agents,
                    members = r.Members,
                    reached = r.Reached,
                    median_steps_to_target = r.MedianSteps,
                    mean_steps_to_target = r.MeanSteps,
                    catch_up_ms_median = r.CatchUpMedianMs,
                    catch_up_ms_max = r.CatchUpMaxMs,
                }),
            }));
        return ExitCodes.Ok;
    }

    private static string Format(double? value) => value?.ToString("0", CultureInfo.InvariantCulture) ?? "-";

    private static string Csv(IEnumerable<TeamSizeResult> results)
    {
        var csv = new StringBuilder("agents,team,agent,seed,steps_to_target\n");
        foreach (TeamSizeResult r in results)
            for (int team = 0; team < r.Teams.Count; team++)
                foreach (TeamMemberResult m in r.Teams[team])
                    csv.Append(CultureInfo.InvariantCulture, $"{r.Agents},{team + 1},{m.Member + 1},{m.Seed},{m.StepsToReach(r.Target)}\n");
        return csv.ToString();
    }
}
