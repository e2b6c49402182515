using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Cli.Team;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem train --agents N</c>: N agent processes learn into one library at once (<see cref="AgentTeam"/>).
/// The library is checked (and created) here first, so a bad one is reported once rather than by every member;
/// afterwards each member's curve, the library's totals and how fast skills spread between members are reported.
/// </summary>
internal static class TeamTraining
{
    public static int Run(CliConsole console, TeamPlan plan, bool json)
    {
        // Checked before the library is opened (which creates it), and created only once the library has proved usable.
        OutputDirectory.Check(plan.OutputDirectory);
        IEnvironment environment = EnvironmentRegistry.Create(plan.Environment);
        using (ISkillStore store = SkillStores.Open(plan.Library, readOnly: false, plan.ConnectTimeout))
        {
            var probe = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Seed = (ulong)plan.Seed }, store);
            console.Out.WriteLine(probe.Library.Count == 0
                ? $"Library {SkillStores.Describe(plan.Library)}: new, learning from scratch"
                : $"Library {SkillStores.Describe(plan.Library)}: continuing from {probe.Library.Count} skills");
        }
        OutputDirectory output = OutputDirectory.Prepare(plan.OutputDirectory);
        string budget = plan.Steps is { } steps ? $"{steps} steps" : $"{plan.Episodes} episodes";
        console.Out.WriteLine($"Training {plan.Agents} procmem agents on {plan.Environment} at once, {budget} each (seeds {plan.Seed}-{plan.Seed + plan.Agents - 1}), " +
            $"sharing one library; each member's files go to {output.Path}/agent-N");

        IReadOnlyList<TeamMemberResult> members = AgentTeam.Run(plan with { OutputDirectory = output.Path }, console.Out.WriteLine);

        console.Out.WriteLine();
        foreach (TeamMemberResult failed in members.Where(m => m.Failure is not null))
            console.Error.WriteLine($"agent {failed.Member + 1} failed (exit {failed.ExitCode}): {failed.Failure}");
        double[] delays = CatchUpDelays.Of([.. members.Select(m => m.Events)]);
        TableWriter.Write(console, "Team", ["Agent", "Seed", "Final eval return", "Skills it stored", "Skills that reached it"],
            [.. members.Select(m => (IReadOnlyList<string>)
            [
                $"{m.Member + 1}", $"{m.Seed}", m.Curve.Count > 0 ? m.FinalReturn.ToString("0.000", CultureInfo.InvariantCulture) : "-",
                $"{m.Events.Count(e => e.Kind == SkillEvent.Stored)}", $"{m.Events.Count(e => e.Kind == SkillEvent.Arrived)}",
            ])]);
        console.Out.WriteLine(delays.Length == 0
            ? "No skill passed between agents during the run."
            : string.Create(CultureInfo.InvariantCulture,
                $"A stored skill reached the other agents' libraries after {NearestRank.Median(delays):0.#} ms (median of {delays.Length}; max {delays[^1]:0.#} ms)."));

        LibraryChanges totals;
        using (ISkillStore store = SkillStores.Open(plan.Library, readOnly: true, plan.ConnectTimeout))
            totals = store.ReadChanges(long.MaxValue);
        console.Out.WriteLine($"Library {SkillStores.Describe(plan.Library)}: {totals.SkillIds.Count} skills, {totals.Episodes} episodes run, {totals.EpisodesKept} kept");
        console.Out.WriteLine($"Wrote {output.WriteAllText(TeamReport.EvaluationFile, TeamReport.EvaluationCsv(members))}");
        console.Out.WriteLine($"Wrote {output.WriteAllText(TeamReport.ChartFile, TeamReport.Chart($"{plan.Agents} procmem agents sharing one library on {plan.Environment}", members).ToSvg())}");
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                env = plan.Environment,
                agents = plan.Agents,
                library_skills = totals.SkillIds.Count,
                library_episodes = totals.Episodes,
                catch_up_ms_median = delays.Length > 0 ? NearestRank.Median(delays) : (double?)null,
                catch_up_ms_max = delays.Length > 0 ? delays[^1] : (double?)null,
                members = members.Select(m => new
                {
                    agent = m.Member + 1,
                    seed = m.Seed,
                    exit_code = m.ExitCode,
                    summary = m.Summary,
                }),
            }));
        return members.FirstOrDefault(m => m.ExitCode != 0)?.ExitCode ?? ExitCodes.Ok;
    }

}
