using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Training;

namespace ProceduralMemory.Cli.Tests.Reports;

public class ComparisonReportTests
{
    private static ComparisonRun Run(string env, string agent, int seed, params double[] returns) =>
        new(env, agent, seed, returns.Select((r, i) => new LearningCurvePoint(i * 100, i, new EvaluationResult(10, r, r, 10 * (1 - r), LayoutsAlsoTrainedOn: seed - 1))).ToList());

    private static readonly ComparisonRun[] Runs =
    [
        Run("e1", "a", 1, 0.0, 0.5), Run("e1", "a", 2, 0.0, 0.7),
        Run("e1", "b", 1, 0.1, 0.1), Run("e1", "b", 2, 0.1, 0.1),
    ];

    [Fact]
    public void Table_ReportsMeanAndSampleDeviationOfFinalNumbers()
    {
        string table = ComparisonReport.Table(Runs, ["e1"], ["a", "b"], _ => 12.5);
        // Ten test layouts; the most any run also trained on (seed 2's run: 1).
        Assert.Contains("| e1 | a | 100 | 10 | 1 | 0.600 ± 0.141 | 60 ± 14% | 4.0 ± 1.4 | 12.5 |", table);
        Assert.Contains("| e1 | b | 100 | 10 | 1 | 0.100 ± 0.000 |", table);
    }

    [Fact]
    public void Chart_DrawsOneSeriesPerAgentWithASpreadBand()
    {
        string svg = ComparisonReport.Chart(Runs, ["e1"], ["a", "b"]).ToSvg();
        Assert.Contains(">a<", svg);
        Assert.Contains(">b<", svg);
        Assert.Contains("e1: return on held-out layouts", svg);
    }

    [Fact]
    public void Csv_HasARowPerCheckpoint() =>
        Assert.Equal(1 + 8, ComparisonReport.Csv(Runs).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
}
