using System.Globalization;
using System.Text;
using ProceduralMemory.Agents;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Reports;

/// <summary>The files of a training run: per-episode and per-evaluation CSV, and the learning curves.</summary>
internal static class TrainingReport
{
    public const string EpisodesFile = "training.csv", EvaluationFile = "evaluation.csv", ChartFile = "learning-curve.svg";

    public static string EpisodesCsv(IEnumerable<(int Episode, int TrainingSteps, EpisodeSummary Summary)> episodes)
    {
        var csv = new StringBuilder("episode,training_steps,return,steps,success,skill_uses\n");
        foreach (var (episode, trainingSteps, s) in episodes)
            csv.Append(CultureInfo.InvariantCulture,
                $"{episode},{trainingSteps},{s.Return:0.######},{s.Steps},{(s.Success ? "true" : "false")},{s.SkillUses}\n");
        return csv.ToString();
    }

    public static string EvaluationCsv(IEnumerable<LearningCurvePoint> curve)
    {
        var csv = new StringBuilder("training_steps,training_episodes,eval_episodes,eval_mean_return,eval_success_rate,eval_mean_steps\n");
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
