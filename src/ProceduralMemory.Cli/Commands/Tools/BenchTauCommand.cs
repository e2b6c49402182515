using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.AI.Chat;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Neural;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Evaluation;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary>
/// <c>procmem bench tau --domain retail|airline --train SPLIT|FILE --test SPLIT|FILE [--curve 50,100,250,500] [--keys text|encoder [--latent N] [--separation W]] [--out DIR] [--json]</c>:
/// learns procedures from the train tasks' demonstrations and measures, on the test tasks, the procedural agent (no
/// language model; each instruction given whole) against no memory and the nearest demonstration replayed literally,
/// and the learning curve, charted. With <c>--keys encoder --separation W</c> the encoder learns each train clause's
/// procedure too (the one induction merges the sub-goal it serves into, <see cref="ProcedureInducer.LabelledClauses"/>). When train and test are the same set, it cross-validates in five folds. With
/// <c>--json</c> the last line is <c>{domain, train, test, test_tasks, demonstrations, procedures, folds, keys, key_model,
/// success_rate, procedure_recall, argument_accuracy, mean_calls, ground_truth_mean_calls, baselines: {no_memory: {...},
/// literal_replay: {...}}, curve: [{demonstrations, procedures, success_rate, procedure_recall}], model}</c>.
/// With <c>--model URI</c> (<see cref="ChatModelUri"/>) it also runs a language-model agent on the test tasks, without
/// and with procedural memory learned from the train tasks (<see cref="ChatToolBenchmark"/>), and <c>model</c> is
/// <c>{uri, procedures, max_turns, max_errors, without_memory: {...}, with_memory: {...}}</c> (else null), each run's
/// measures with its tasks done, requests, tokens and procedures learned during the run (<c>--max-turns</c> and
/// <c>--max-errors</c> bound each conversation; docs/models.md).
/// </summary>
internal static class BenchTauCommand
{
    public static Command Create(CliConsole console)
    {
        var domain = new Option<string>("--domain") { Description = $"The tau-bench domain: {string.Join(" or ", TauDomain.Names)}.", DefaultValueFactory = _ => "retail" };
        var train = new Option<string>("--train") { Description = "What to learn from: a split of the domain (train, test), a slice of one (train:0-399) or a trace file (docs/traces.md).", DefaultValueFactory = _ => "train" };
        var test = new Option<string>("--test") { Description = "The held-out tasks: a split, a slice (train:400-499) or a trace file. The same as --train cross-validates in five folds.", DefaultValueFactory = _ => "test" };
        var curve = new Option<string>("--curve") { Description = "Numbers of demonstrations for the learning curve, comma-separated.", DefaultValueFactory = _ => "50,100,250,500" };
        Option<double> floor = CommonOptions.Fraction("--floor", "The least similarity between a clause and a procedure's key for the procedure to be tried.", zeroAllowed: true, defaultValue: new ProceduralMemory.Tools.Agents.ProcedureAgentOptions().SimilarityFloor);
        Option<string> output = CommonOptions.OutputDirectory();
        var data = TauData.Option();
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object on the last line." };
        var model = new Option<string?>("--model")
        {
            Description = "Also run a language-model agent, with and without procedural memory: openai:MODEL (OPENAI_API_KEY, OPENAI_BASE_URL), openai:MODEL@http://host:port/v1 (any OpenAI-compatible server) or ollama:MODEL[@http://host:11434].",
        };
        Option<int> maxTurns = CommonOptions.PositiveInt("--max-turns", "With --model: the most model round trips per task.", new ChatToolAgentOptions().MaxIterations);
        Option<int> maxErrors = CommonOptions.PositiveInt("--max-errors", "With --model: failed tool calls in a row that end a task's conversation.", new ChatToolAgentOptions().MaxConsecutiveErrors);
        Option<string> keys = CommonOptions.NamedChoice("--keys", "what procedures are keyed and recalled by (text: the local text embedder; encoder: a skill encoder trained on the train instructions' clauses, over the text embedder)",
            KeyKinds, KeyKinds.Contains, "text");
        Option<int> latent = CommonOptions.BoundedInt("--latent", "With --keys encoder: length of the encoder's code (the key).", 32, minimum: 1, maximum: 1024);
        Option<double> separation = CommonOptions.Separation();
        var command = new Command("tau", "Learn procedures from tau-bench demonstrations and measure them on held-out tasks, with the no-memory and literal-replay baselines and the learning curve.")
        {
            domain, train, test, curve, floor, output, data, json, model, maxTurns, maxErrors, keys, latent, separation,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(domain), parsed.GetRequiredValue(train), parsed.GetRequiredValue(test),
            parsed.GetRequiredValue(curve), parsed.GetValue(floor), parsed.GetRequiredValue(output), parsed.GetValue(data), parsed.GetValue(json),
            parsed.GetValue(model), parsed.GetValue(maxTurns), parsed.GetValue(maxErrors), parsed.GetRequiredValue(keys), parsed.GetValue(latent),
            parsed.GetValue(separation)));
        return command;
    }

    private static readonly string[] KeyKinds = ["text", "encoder"];

    private static int Run(CliConsole console, string domainName, string trainSource, string testSource, string curveText, double floor, string output,
        string? data, bool json, string? modelText, int maxTurns, int maxErrors, string keyKind, int latent, double separation)
    {
        int[] sizes = ParseCurve(curveText);
        // Checked before anything runs, so a mistyped model costs no benchmark.
        ChatModelUri? model = modelText is null ? null : ModelRun.Parse(modelText);
        if (model is not null && trainSource == testSource)
            throw new UsageException("--model needs --test tasks apart from --train (the model run does not cross-validate).");
        if (keyKind == "encoder" && trainSource == testSource)
            throw new UsageException("--keys encoder needs --test tasks apart from --train (the encoder learns from the train tasks' words, which cross-validation would share with the test folds).");
        if (separation > 0 && keyKind != "encoder")
            throw new UsageException("--separation needs --keys encoder (it is a term of the encoder's training).");
        TauDomain domain = TauData.Load(domainName, data);
        IReadOnlyList<ToolTask> trainTasks = TauData.Tasks(domain, trainSource, "--train");
        IReadOnlyList<ToolTask> testTasks = trainSource == testSource ? trainTasks : TauData.Tasks(domain, testSource, "--test");
        if (trainTasks.Count == 0 || testTasks.Count == 0)
            throw new UsageException($"--train {trainSource} and --test {testSource} must each hold at least one task.");
        var progress = new Progress(console);
        IKeyProvider<string> keys = ProcedureLibrary.DefaultKeys();
        if (keyKind == "encoder")
            keys = EncoderKeys(console, keys, domain, trainTasks, new VariationalEncoderOptions { LatentSize = latent, Separation = (float)separation });
        var options = new ToolBenchmarkOptions { CurveSizes = sizes, Agent = new ProceduralMemory.Tools.Agents.ProcedureAgentOptions { SimilarityFloor = (float)floor } };
        ToolBenchmarkResult result = trainSource == testSource
            ? ToolBenchmark.CrossValidate(domain.CreateEnvironment, trainTasks, keys, options, progress)
            : ToolBenchmark.Run(domain.CreateEnvironment, TauData.Demonstrations(trainTasks), testTasks, keys, options, progress);
        ChatToolBenchmarkResult? modelResult = model is null ? null
            : ModelRun.Run(model, domain, trainTasks, testTasks, new ChatToolAgentOptions { MaxIterations = maxTurns, MaxConsecutiveErrors = maxErrors }, progress);

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tau-bench {domain.Name}: {testTasks.Count} test tasks ({testSource}), procedures learned from {result.Demonstrations} demonstrations ({trainSource}){(result.Folds > 0 ? $", {result.Folds}-fold cross-validation" : "")}; each instruction given whole, no language model; keys: {keys.ModelId}"));
        console.Out.WriteLine($"{"agent",-16} {"success",8} {"recall",8} {"args",8} {"calls",8}");
        Line(console, "procedural", result.Procedural);
        Line(console, "no memory", result.NoMemory);
        Line(console, "literal replay", result.LiteralReplay);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ground truth",-16} {"",8} {"",8} {"",8} {result.Procedural.MeanGroundTruthCalls,8:0.0}"));
        if (modelResult is not null)
        {
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"language model {modelResult.Model}: the same test tasks, each instruction given whole as the user's message, at most {maxTurns} round trips; memory of {modelResult.Procedures} procedures learned from {trainSource}, each outcome reported to it as the run goes"));
            console.Out.WriteLine($"{"agent",-16} {"success",8} {"recall",8} {"args",8} {"calls",8} {"requests",9} {"learned",8}");
            ModelLine(console, "model + memory", modelResult.WithMemory);
            ModelLine(console, "model alone", modelResult.WithoutMemory);
        }
        if (result.Curve.Count > 0)
        {
            string file = $"tau-{domain.Name}-curve.svg";
            console.Out.WriteLine($"Wrote {OutputDirectory.Prepare(output).WriteAllText(file, Chart(domain.Name, result.Curve).ToSvg())}");
        }
        if (json)
            console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                domain = domain.Name,
                train = trainSource,
                test = testSource,
                test_tasks = testTasks.Count,
                demonstrations = result.Demonstrations,
                procedures = result.Procedures,
                folds = result.Folds,
                keys = keyKind,
                key_model = keys.ModelId,
                separation,
                success_rate = result.Procedural.SuccessRate,
                procedure_recall = result.Procedural.ProcedureRecall,
                argument_accuracy = result.Procedural.ArgumentAccuracy,
                mean_calls = result.Procedural.MeanCalls,
                ground_truth_mean_calls = result.Procedural.MeanGroundTruthCalls,
                baselines = new
                {
                    no_memory = Scores(result.NoMemory),
                    literal_replay = Scores(result.LiteralReplay),
                },
                curve = result.Curve.Select(p => new
                {
                    demonstrations = p.Demonstrations,
                    procedures = p.Procedures,
                    success_rate = p.Scores.SuccessRate,
                    procedure_recall = p.Scores.ProcedureRecall,
                }),
                model = modelResult is null ? null : new
                {
                    uri = modelResult.Model,
                    procedures = modelResult.Procedures,
                    max_turns = maxTurns,
                    max_errors = maxErrors,
                    without_memory = ModelScores(modelResult.WithoutMemory),
                    with_memory = ModelScores(modelResult.WithMemory),
                },
            }));
        return ExitCodes.Ok;
    }

    // Unlabelled (today's encoder) without the separation term; with it, each clause labelled by induction's procedure.
    private static TextEncoderKeyProvider EncoderKeys(CliConsole console, IKeyProvider<string> text, TauDomain domain, IReadOnlyList<ToolTask> trainTasks,
        VariationalEncoderOptions options)
    {
        if (options.Separation == 0f)
        {
            console.Error.WriteLine($"Training the skill encoder ({options.LatentSize}-number codes) on the clauses of {trainTasks.Count} train instructions");
            return TextEncoderKeyProvider.Train(text, trainTasks.SelectMany(t => TextMentions.Clauses(t.Instruction).Select(c => c.Text)), options);
        }
        var inducer = new ProcedureInducer(domain.CreateEnvironment());
        foreach (ToolDemonstration demonstration in TauData.Demonstrations(trainTasks))
            inducer.Add(demonstration);
        IReadOnlyList<(string Clause, string Procedure)> labelled = inducer.LabelledClauses();
        int procedures = labelled.Select(l => l.Procedure).Where(p => p != ProcedureInducer.NoProcedure).Distinct(StringComparer.Ordinal).Count();
        if (procedures == 0)
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"--separation {options.Separation}: the train demonstrations change nothing, so no clause has a procedure to be labelled with."));
        console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Training the skill encoder ({options.LatentSize}-number codes, separation {options.Separation}) on the clauses of {trainTasks.Count} train instructions, labelled by {procedures} procedures ({labelled.Count(l => l.Procedure == ProcedureInducer.NoProcedure)} clauses by none)"));
        return TextEncoderKeyProvider.Train(text, labelled, options);
    }

    private static object Scores(ToolScores scores) => new
    {
        success_rate = scores.SuccessRate,
        procedure_recall = scores.ProcedureRecall,
        argument_accuracy = scores.ArgumentAccuracy,
        mean_calls = scores.MeanCalls,
    };

    private static object ModelScores(ChatToolRun run) => new
    {
        success_rate = run.Scores.SuccessRate,
        procedure_recall = run.Scores.ProcedureRecall,
        argument_accuracy = run.Scores.ArgumentAccuracy,
        mean_calls = run.Scores.MeanCalls,
        tasks_done = run.Tasks.Count(t => t.Success),
        requests = run.Requests,
        input_tokens = run.InputTokens,
        output_tokens = run.OutputTokens,
        learned = run.Learned,
    };

    private static void ModelLine(CliConsole console, string name, ChatToolRun run) =>
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-16} {run.Scores.SuccessRate,8:0.000} {run.Scores.ProcedureRecall,8:0.000} {run.Scores.ArgumentAccuracy,8:0.000} {run.Scores.MeanCalls,8:0.0} {run.Requests,9} {run.Learned,8}"));

    private static void Line(CliConsole console, string name, ToolScores scores) =>
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-16} {scores.SuccessRate,8:0.000} {scores.ProcedureRecall,8:0.000} {scores.ArgumentAccuracy,8:0.000} {scores.MeanCalls,8:0.0}"));

    private static LineChart Chart(string domain, IReadOnlyList<ToolCurvePoint> curve) =>
        new($"tau-bench {domain}: held-out tasks", "demonstrations learned from", "share of test tasks",
        [
            new Series("end-state success", curve.Select(p => (double)p.Demonstrations).ToList(), curve.Select(p => p.Scores.SuccessRate).ToList()),
            new Series("procedure recall", curve.Select(p => (double)p.Demonstrations).ToList(), curve.Select(p => p.Scores.ProcedureRecall).ToList()),
        ])
        { YMin = 0, YMax = 1 };

    private static int[] ParseCurve(string text)
    {
        var sizes = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size <= 0)
                throw new UsageException($"--curve {text}: '{part}' is not a positive whole number.");
            sizes.Add(size);
        }
        return sizes.Count > 0 ? [.. sizes] : throw new UsageException("--curve needs at least one number.");
    }

    /// <summary>Progress lines on the error stream, so that the output stays the result alone.</summary>
    private sealed class Progress(CliConsole console) : IProgress<string>
    {
        public void Report(string value) => console.Error.WriteLine(value);
    }
}
