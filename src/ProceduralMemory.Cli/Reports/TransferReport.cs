using System.Globalization;
using System.Text;
using ProceduralMemory.Training.Transfer;

namespace ProceduralMemory.Cli.Reports;

/// <summary>
/// What <c>procmem bench transfer</c> shows of one learner's runs through a curriculum, one run per training seed:
/// a table, the steps-to-target chart, the retention matrix and the JSON record. Figures are means over the seeds;
/// a step count is averaged over the seeds that reached the target, and says how many did.
/// </summary>
internal sealed class TransferReport(TransferPlan plan, IReadOnlyList<TransferResult> runs)
{
    public const string StepsChartFile = "steps-to-target.svg", RetentionChartFile = "retention.svg", TableFile = "transfer.md", JsonFile = "transfer.json";

    private string Learner => runs[0].Learner;

    /// <summary>A Markdown table, a row per task.</summary>
    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| task | zero-shot return | steps to target with memory | steps from scratch | transfer ratio | learned return | retention after the curriculum |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int k = 0; k < plan.Tasks.Count; k++)
        {
            TaskTransfer[] task = Task(k);
            string scratch = k == 0 ? "(the same run)" : Steps(task.Select(t => t.StepsFromScratch));
            string retained = k == plan.Tasks.Count - 1 ? "-" : Number(Mean(runs.Select(r => r.FinalRetention[k])), "0.000");
            text.AppendLine(Invariant($"| {plan.Tasks[k]} | {Mean(task.Select(t => (double?)t.ZeroShot)):0.000} | {Steps(task.Select(t => t.StepsWithMemory))} | {scratch} | {Number(Mean(task.Select(t => t.TransferRatio)), "0.00")} | {Mean(task.Select(t => (double?)t.LearnedReturn)):0.000} | {retained} |"));
        }
        return text.ToString();
    }

    /// <summary>Steps to the target per task, with memory beside from scratch; a bar missing where no seed reached it.</summary>
    public BarChart StepsChart()
    {
        var bars = new List<Bar>();
        for (int k = 0; k < plan.Tasks.Count; k++)
        {
            TaskTransfer[] task = Task(k);
            bars.Add(StepsBar($"{plan.Tasks[k]}, with memory", task.Select(t => t.StepsWithMemory).ToArray()));
            bars.Add(StepsBar($"{plan.Tasks[k]}, from scratch", task.Select(t => t.StepsFromScratch).ToArray()));
        }
        return new BarChart($"{Learner}: training steps until the held-out normalised return holds {plan.Target:0.##}",
            $"training steps on the task (mean of the seeds that reached it, of {runs.Count})", bars, 0, plan.StepsPerTask);
    }

    /// <summary>The retention matrix: after each task (rows), every task so far (columns), as a share of its learned return.</summary>
    public MatrixChart RetentionChart()
    {
        return new MatrixChart($"{Learner}: retention (return now / return when learned)",
            plan.Tasks.Select(t => $"after {t}").ToArray(), plan.Tasks, MeanRetention());
    }

    /// <summary>Everything measured, for scripts: the curriculum, each task's figures per seed and the mean retention matrix.</summary>
    public object Json() => new
    {
        agent = Learner,
        sequence = plan.Tasks,
        steps_per_task = plan.StepsPerTask,
        checkpoint_every = plan.CheckpointEvery,
        target = plan.Target,
        seeds = runs.Select(r => r.Seed).ToArray(),
        tasks = Enumerable.Range(0, plan.Tasks.Count).Select(k => new
        {
            env = plan.Tasks[k],
            zero_shot = Task(k).Select(t => t.ZeroShot).ToArray(),
            steps_with_memory = Task(k).Select(t => t.StepsWithMemory).ToArray(),
            steps_from_scratch = Task(k).Select(t => t.StepsFromScratch).ToArray(),
            transfer_ratio = Task(k).Select(t => t.TransferRatio).ToArray(),
            learned_return = Task(k).Select(t => t.LearnedReturn).ToArray(),
            scratch_return = Task(k).Select(t => t.ScratchReturn).ToArray(),
            retention_after_curriculum = k == plan.Tasks.Count - 1 ? null : runs.Select(r => r.FinalRetention[k]).ToArray(),
        }).ToArray(),
        retention = MeanRetention(),
    };

    /// <summary>The retention matrix averaged over the seeds, cell by cell (a cell no seed has is null).</summary>
    private double?[][] MeanRetention() => Enumerable.Range(0, plan.Tasks.Count)
        .Select(k => Enumerable.Range(0, k + 1).Select(j => Mean(runs.Select(r => r.Retention[k][j]))).ToArray()).ToArray();

    private TaskTransfer[] Task(int k) => runs.Select(r => r.Tasks[k]).ToArray();

    private Bar StepsBar(string label, int?[] steps)
    {
        int[] reached = steps.OfType<int>().ToArray();
        string note = reached.Length == 0
            ? Invariant($"not reached in {plan.StepsPerTask:N0} steps")
            : Invariant($"{reached.Average():N0} ({reached.Length}/{steps.Length} reached)");
        return reached.Length == 0
            ? new Bar(label, null, Note: note)
            : new Bar(label, reached.Average(), reached.Min(), reached.Max(), note);
    }

    private string Steps(IEnumerable<int?> steps)
    {
        int?[] all = steps.ToArray();
        int[] reached = all.OfType<int>().ToArray();
        return reached.Length == 0
            ? Invariant($"not in {plan.StepsPerTask:N0} (0/{all.Length})")
            : Invariant($"{reached.Average():N0} ({reached.Length}/{all.Length})");
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        double[] present = values.OfType<double>().ToArray();
        return present.Length == 0 ? null : present.Average();
    }

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
