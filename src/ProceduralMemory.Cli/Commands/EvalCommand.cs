using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Library;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem eval --env E --library FILE [--seeds A-B] [--attention] [--json]</c>: plays the distinct test layouts of the seeds
/// (the layouts <c>train</c> and <c>bench learning</c> hold out for the same seeds, <see cref="LayoutSplit"/>) greedily
/// with what a library holds, learning nothing and opening the library read-only; with <c>--attention</c>, a skill's
/// network acts through attention retrieval (<see cref="ProceduralMemoryAgentOptions.Attention"/>).
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        Option<string> env = CommonOptions.Environment("doorkey-5x5");
        Option<string> library = CommonOptions.Library();
        Option<int> connectTimeout = CommonOptions.ConnectTimeout();
        Option<int[]> seeds = SeedRange.Option("--seeds", "0-99");
        Option<bool> attention = CommonOptions.Attention();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("eval", "Evaluate a skill library on held-out layouts without changing it.")
        {
            env, library, connectTimeout, seeds, attention, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(env), parsed.GetRequiredValue(library), TimeSpan.FromSeconds(parsed.GetValue(connectTimeout)),
            parsed.GetRequiredValue(seeds), CommonOptions.AttentionFrom(parsed.GetValue(attention)), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string envName, string libraryPath, TimeSpan connectTimeout, int[] seeds, AttentionRetrievalOptions? attention, bool json)
    {
        IEnvironment environment = EnvironmentRegistry.Create(envName);
        using ISkillStore store = SkillStores.Open(libraryPath, readOnly: true, connectTimeout);
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions { Attention = attention }, store);
        IReadOnlyList<int> layouts = LayoutSplit.Of(environment, seeds).TestSeeds;
        EvaluationResult e = LearningRun.Evaluate(agent, layouts, environment.MaxSteps);
        double? optimal = ShortestPlans.MeanLength(envName, layouts);

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{SkillStores.Describe(libraryPath)} ({agent.Library.Count} skills) on {envName}, {e.Episodes} test layouts (the distinct layouts of seeds {SeedRange.Format(seeds)}):"));
        console.Out.WriteLine(EvaluationLine.Format(e, optimal));
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                env = envName,
                library = SkillStores.Describe(libraryPath),
                skills = agent.Library.Count,
                attention = attention is not null,
                network_actions = agent.NetworkActions,
                blended_actions = agent.BlendedActions,
                eval_episodes = e.Episodes,
                eval_layouts = e.Episodes,
                eval_mean_return = e.MeanReturn,
                eval_success_rate = e.SuccessRate,
                eval_mean_steps = e.MeanSteps,
                optimal_mean_steps = optimal,
            }));
        return ExitCodes.Ok;
    }
}
