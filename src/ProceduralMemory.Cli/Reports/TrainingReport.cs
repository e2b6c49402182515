using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProceduralMemory.Agents;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// The files of a training run: per-episode and per-evaluation CSV, the learning curves, the run's settings and
/// its skills at every evaluation (the last two for <c>procmem report</c>, which reads them back with <see cref="RunFolder"/>).
/// </summary>
internal static class TrainingReport
{
    public const string EpisodesFile = "training.csv", EvaluationFile = "evaluation.csv", ChartFile = "learning-curve.svg";
    public const string RunFile = "run.json", SkillsFile = "skills.json";
    public const string EpisodesHeader = "episode,training_steps,return,steps,success,skill_uses";
    public const string EvaluationHeader = "training_steps,training_episodes,eval_episodes,eval_mean_return,eval_success_rate,eval_mean_steps";

    /// <summary>How <see cref="RunFile"/> and <see cref="SkillsFile"/> are written and read: snake_case, indented, every field required.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        // The files are read by people and programs, never embedded in a page, so '+' and '<' may stay as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string RunJson(RunSettings settings) => JsonSerializer.Serialize(settings, Json) + "\n";

    public static string SkillsJson(IReadOnlyList<SkillCheckpoint> checkpoints) => JsonSerializer.Serialize(checkpoints, Json) + "\n";

    public static string EpisodesCsv(IEnumerable<(int Episode, int TrainingSteps, EpisodeSummary Summary)> episodes)
    {
        var csv = new StringBuilder(EpisodesHeader).Append('\n');
        foreach (var (episode, trainingSteps, s) in episodes)
            csv.Append(CultureInfo.InvariantCulture,
                $"{episode},{trainingSteps},{s.Return:0.######},{s.Steps},{(s.Success ? "true" : "false")},{s.SkillUses}\n");
        return csv.ToString();
    }

    public static string EvaluationCsv(IEnumerable<LearningCurvePoint> curve)
    {
        var csv = new StringBuilder(EvaluationHeader).Append('\n');
        foreach (LearningCurvePoint p in curve)
            csv.Append(CultureInfo.InvariantCulture,
                $"{p.TrainingSteps},{p.TrainingEpisodes},{p.Evaluation.Episodes},{p.Evaluation.MeanReturn:0.######},{p.Evaluation.SuccessRate:0.######},{p.Evaluation.MeanSteps:0.###}\n");
        return csv.ToString();
    }

    /// <summary>Held-out return against training steps, and the training episodes' returns (a moving average of 10).</summary>
    public static Figure Chart(string title, IReadOnlyList<LearningCurvePoint> curve,
        IReadOnlyList<(int Episode, int TrainingSteps, EpisodeSummary Summary)> episodes)
    {
        var evaluation = new LineChart("Return on held-out layouts", "Training steps", "Mean return",
            [new Series("evaluation", curve.Select(p => (double)p.TrainingSteps).ToArray(), curve.Select(p => p.Evaluation.MeanReturn).ToArray())])
        { YMin = 0, YMax = 1 };
        double[] returns = episodes.Select(e => e.Summary.Return).ToArray();
        double[] smoothed = returns.Select((_, i) => returns[Math.Max(0, i - 9)..(i + 1)].Average()).ToArray();
        var training = new LineChart("Training episodes (moving average of 10)", "Training steps", "Return",
            [new Series("training", episodes.Select(e => (double)e.TrainingSteps).ToArray(), smoothed)])
        { YMin = 0 };
        return new Figure(1, 2, [evaluation, training]) { Title = title };
    }
}
