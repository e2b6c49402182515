using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ProceduralMemory.Cli.Output;
using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Evaluation;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Cli.Commands.Tools;

/// <summary>
/// <c>procmem bench tau --domain retail|airline --train SPLIT|FILE --test SPLIT|FILE [--curve 50,100,250,500] [--out DIR] [--json]</c>:
/// learns procedures from the train tasks' demonstrations and measures, on the test tasks, the procedural agent (no
/// language model; each instruction given whole) against no memory and the nearest demonstration replayed literally,
/// and the learning curve, charted. When train and test are the same set, it cross-validates in five folds. With
/// <c>--json</c> the last line is <c>{domain, train, test, test_tasks, demonstrations, procedures, folds, success_rate,
/// procedure_recall, argument_accuracy, mean_calls, ground_truth_mean_calls, baselines: {no_memory: {...},
/// literal_replay: {...}}, curve: [{demonstrations, procedures, success_rate, procedure_recall}]}</c>.
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
        var command = new Command("tau", "Learn procedures from tau-bench demonstrations and measure them on held-out tasks, with the no-memory and literal-replay baselines and the learning curve.")
        {
            domain, train, test, curve, floor, output, data, json,
        };
        command.SetAction(parsed => Run(console, parsed.GetRequiredValue(domain), parsed.GetRequiredValue(train), parsed.GetRequiredValue(test),
            parsed.GetRequiredValue(curve), parsed.GetValue(floor), parsed.GetRequiredValue(output), parsed.GetValue(data), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, string domainName, string trainSource, string testSource, string curveText, double floor, string output,
        string? data, bool json)
    {
        int[] sizes = ParseCurve(curveText);
        TauDomain domain = TauData.Load(domainName, data);
        IReadOnlyList<ToolTask> trainTasks = TauData.Tasks(domain, trainSource, "--train");
        IReadOnlyList<ToolTask> testTasks = trainSource == testSource ? trainTasks : TauData.Tasks(domain, testSource, "--test");
        if (trainTasks.Count == 0 || testTasks.Count == 0)
            throw new UsageException($"--train {trainSource} and --test {testSource} must each hold at least one task.");
        var progress = new Progress(console);
        var keys = ProcedureLibrary.DefaultKeys();
        var options = new ToolBenchmarkOptions { CurveSizes = sizes, Agent = new ProceduralMemory.Tools.Agents.ProcedureAgentOptions { SimilarityFloor = (float)floor } };
        ToolBenchmarkResult result = trainSource == testSource
            ? ToolBenchmark.CrossValidate(domain.CreateEnvironment, trainTasks, keys, options, progress)
            : ToolBenchmark.Run(domain.CreateEnvironment, TauData.Demonstrations(trainTasks), testTasks, keys, options, progress);

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tau-bench {domain.Name}: {testTasks.Count} test tasks ({testSource}), procedures learned from {result.Demonstrations} demonstrations ({trainSource}){(result.Folds > 0 ? $", {result.Folds}-fold cross-validation" : "")}; each instruction given whole, no language model"));
        console.Out.WriteLine($"{"agent",-16} {"success",8} {"recall",8} {"args",8} {"calls",8}");
        Line(console, "procedural", result.Procedural);
        Line(console, "no memory", result.NoMemory);
        Line(console, "literal replay", result.LiteralReplay);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ground truth",-16} {"",8} {"",8} {"",8} {result.Procedural.MeanGroundTruthCalls,8:0.0}"));
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
            }));
        return ExitCodes.Ok;
    }

    private static object Scores(ToolScores scores) => new
    {
        success_rate = scores.SuccessRate,
        procedure_recall = scores.ProcedureRecall,
        argument_accuracy = scores.ArgumentAccuracy,
        mean_calls = scores.MeanCalls,
    };

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
