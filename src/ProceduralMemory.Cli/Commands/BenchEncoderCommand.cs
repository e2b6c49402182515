using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Neural;
using ProceduralMemory.Training.SkillRetrieval;

namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// <c>procmem bench encoder [--train-envs E,...] [--test-envs E,...] [--train-seeds A-B] [--test-seeds A-B] [--latent N]
/// [--beta B] [--epochs N] [--separation W] [--seed S] [--chart FILE] [--json]</c>: builds a skill library from a teacher's demonstrations on the training
/// tasks, trains the skill encoder on them, and retrieves the skill of every single new demonstration on the changed
/// tasks with encoder keys and with today's random projection (<see cref="SkillKeyRetrieval"/>). Progress on stderr;
/// with <c>--json</c> the last line is the result as one JSON object.
/// </summary>
internal static class BenchEncoderCommand
{
    /// <summary>DoorKey in three sizes and the room tasks with a key and a door (keys and doors of random colours, a box to fetch).</summary>
    public static readonly string[] DefaultTraining = ["doorkey-5x5", "doorkey-6x6", "doorkey-8x8", "unlock", "unlockpickup"];

    /// <summary>Changed tasks: a much larger DoorKey room, a door blocked by a ball, a key in another room of a corridor.</summary>
    public static readonly string[] DefaultTest = ["doorkey-16x16", "blockedunlockpickup", "keycorridor-s3r3"];

    private static readonly string[] MiniGridNames = [.. MiniGridFamily.Tasks.Select(t => t.Name)];

    public static Command Create(CliConsole console)
    {
        Option<string[]> trainEnvs = CommonOptions.NameList("--train-envs", "MiniGrid task", "Tasks the library and the encoder learn from",
            MiniGridNames, MiniGridNames.Contains, DefaultTraining);
        Option<string[]> testEnvs = CommonOptions.NameList("--test-envs", "MiniGrid task", "Changed tasks whose demonstrations are the queries",
            MiniGridNames, MiniGridNames.Contains, DefaultTest);
        Option<int[]> trainSeeds = SeedRange.Option("--train-seeds", "0-199");
        Option<int[]> testSeeds = SeedRange.Option("--test-seeds", "100000-100099");
        Option<int> latent = CommonOptions.BoundedInt("--latent", "Length of the encoder's code (the key).", 8, minimum: 1, maximum: 1024);
        Option<double> beta = CommonOptions.Fraction("--beta", "Weight of the KL term.", zeroAllowed: true, 0.1);
        Option<int> epochs = CommonOptions.BoundedInt("--epochs", "Passes over the training demonstrations.", 300, minimum: 1, maximum: 100_000);
        Option<double> separation = CommonOptions.Separation();
        Option<int> seed = CommonOptions.Seed(1);
        Option<string?> chart = CommonOptions.OutputFile("--chart", "Also write the queries' keys in two dimensions, coloured by skill (today's keys beside both encoders'), as an SVG file.");
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var command = new Command("encoder", "Retrieval of the right skill from one new demonstration on changed tasks: skill-encoder keys against the random projection.")
        {
            trainEnvs, testEnvs, trainSeeds, testSeeds, latent, beta, epochs, separation, seed, chart, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(trainEnvs), parsed.GetRequiredValue(testEnvs),
            parsed.GetRequiredValue(trainSeeds), parsed.GetRequiredValue(testSeeds),
            new VariationalEncoderOptions
            {
                LatentSize = parsed.GetValue(latent), Beta = (float)parsed.GetValue(beta), Epochs = parsed.GetValue(epochs),
                Separation = (float)parsed.GetValue(separation), Seed = (ulong)parsed.GetValue(seed),
            }, parsed.GetValue(chart), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string[] trainEnvs, string[] testEnvs, int[] trainSeeds, int[] testSeeds,
        VariationalEncoderOptions options, string? chartPath, bool json)
    {
        if (trainSeeds.Intersect(testSeeds).Any() && trainEnvs.Intersect(testEnvs).Any())
        {
            console.Error.WriteLine("procmem bench encoder: --train-seeds and --test-seeds overlap on a task in both lists; queries must be new demonstrations.");
            return ExitCodes.BadInput;
        }
        List<LabelledDemonstration> training = Collect(console, trainEnvs, trainSeeds, "training");
        List<LabelledDemonstration> queries = Collect(console, testEnvs, testSeeds, "query");
        IEnvironment probe = EnvironmentRegistry.Create(trainEnvs[0]);
        int features = Agents.Perception.Perceptions.For(probe).FeatureCount, actions = probe.Actions.Count;
        int dimension = new ProceduralMemoryAgentOptions().EmbeddingDimension;
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Training the skill encoder ({options.LatentSize}-number codes, beta {options.Beta}, separation {options.Separation}, {options.Epochs} epochs) on {training.Count} demonstrations"));
        SkillRetrievalResult result = SkillKeyRetrieval.Measure(training, queries, features, actions, options, dimension, (ulong)options.Seed);

        console.Out.WriteLine($"Library: {result.Skills.Count} skills ({string.Join(", ", result.Skills)}) from {result.TrainingDemonstrations} demonstrations on {string.Join(",", trainEnvs)}, layouts {SeedRange.Format(trainSeeds)}");
        console.Out.WriteLine($"Queries: {result.Queries} single demonstrations on {string.Join(",", testEnvs)}, layouts {SeedRange.Format(testSeeds)} ({result.UnknownSkillQueries} of skills the library lacks left out)");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  encoder keys ({result.EncoderModelId}): {result.Encoder:P1}{Least(result, 0)}"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  random projection of the starting situation (today's keys, dim {dimension}): {result.SituationProjection:P1}{Least(result, 1)}"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  random projection of the demonstration summary (dim {dimension}): {result.SummaryProjection:P1}{Least(result, 2)}"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  encoder of the starting situation alone (dim {options.LatentSize}): {result.SituationEncoder:P1}{Least(result, 3)}"));
        console.Out.WriteLine(EncoderLossLine.Of(result.LastEpoch));
        foreach (var (confusion, count) in result.Confusions)
            console.Out.WriteLine($"  encoder missed: {confusion} x{count}");
        if (chartPath is not null)
        {
            File.WriteAllText(chartPath, KeyScatterChart.ToSvg($"Keys of {result.Queries} new demonstrations on {string.Join(", ", testEnvs)}, coloured by skill",
                result.QuerySkills,
                [
                    (string.Create(CultureInfo.InvariantCulture, $"random projection of the situation (today): {result.SituationProjection:P1}"), result.QueryKeys[1]),
                    (string.Create(CultureInfo.InvariantCulture, $"skill encoder: {result.Encoder:P1}"), result.QueryKeys[0]),
                    (string.Create(CultureInfo.InvariantCulture, $"encoder of the situation alone: {result.SituationEncoder:P1}"), result.QueryKeys[3]),
                ]));
            console.Out.WriteLine($"  chart: {chartPath}");
        }
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                train_envs = trainEnvs,
                test_envs = testEnvs,
                train_seeds = SeedRange.Format(trainSeeds),
                test_seeds = SeedRange.Format(testSeeds),
                skills = result.Skills,
                training_demonstrations = result.TrainingDemonstrations,
                queries = result.Queries,
                unknown_skill_queries = result.UnknownSkillQueries,
                encoder_accuracy = result.Encoder,
                situation_projection_accuracy = result.SituationProjection,
                summary_projection_accuracy = result.SummaryProjection,
                situation_encoder_accuracy = result.SituationEncoder,
                // The least cosine distance between two skills' keys, per kind of key (null with one skill).
                encoder_least_distance = Finite(result.LeastDistances[0]),
                situation_projection_least_distance = Finite(result.LeastDistances[1]),
                summary_projection_least_distance = Finite(result.LeastDistances[2]),
                situation_encoder_least_distance = Finite(result.LeastDistances[3]),
                encoder_model = result.EncoderModelId,
                latent = options.LatentSize,
                beta = options.Beta,
                separation = options.Separation,
                epochs = options.Epochs,
                seed = options.Seed,
            }));
        return ExitCodes.Ok;
    }

    private static string Least(SkillRetrievalResult result, int kind) => double.IsNaN(result.LeastDistances[kind]) ? "" :
        string.Create(CultureInfo.InvariantCulture, $"; least distance between skills' keys {result.LeastDistances[kind]:0.000}");

    private static double? Finite(double value) => double.IsNaN(value) ? null : value;

    private static List<LabelledDemonstration> Collect(CliConsole console, string[] environments, int[] seeds, string role)
    {
        var all = new List<LabelledDemonstration>();
        foreach (string environment in environments)
        {
            List<LabelledDemonstration> found = ExpertDemonstrations.Collect(environment, seeds);
            console.Error.WriteLine($"{environment}: {found.Count} {role} demonstrations from {seeds.Length} layouts ({string.Join(", ", found.GroupBy(d => d.Skill).Select(g => $"{g.Key} {g.Count()}"))})");
            all.AddRange(found);
        }
        return all;
    }
}
