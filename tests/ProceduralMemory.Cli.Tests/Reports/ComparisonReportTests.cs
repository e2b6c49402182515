using ProceduralMemory.Cli.Reports;
using ProceduralMemory.Environments;
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

    private static readonly ShortestPlanYardstick Plans = new(Layouts: 10, Solved: 10, MeanSteps: 12.5, MeanReturn: 0.8);

    [Fact]
    public void Table_ReportsMeanAndSampleDeviationOfFinalNumbers_AndTheNormalisedReturnWithItsWorstSeed()
    {
        string table = ComparisonReport.Table(Runs, ["e1"], ["a", "b"], _ => Plans);
        // Two seeds; ten test layouts; the most any run also trained on (seed 2's run: 1); normalised 0.5/0.8 and 0.7/0.8.
        Assert.Contains("| e1 | a | 2 | 100 | 10 | 1 | 0.600 ± 0.141 | 60 ± 14% (50%) | 4.0 ± 1.4 | 12.5 | 0.800 | 0.75 ± 0.18 (0.63) |", table);
        Assert.Contains("| e1 | b | 2 | 100 | 10 | 1 | 0.100 ± 0.000 |", table);
    }

    [Fact]
    public void Table_SaysNotAvailable_WhereTheShortestPlansAreUnknown()
    {
        string table = ComparisonReport.Table(Runs, ["e1"], ["a"], _ => new ShortestPlanYardstick(10, 7, null, null));
        Assert.Contains("| 4.0 ± 1.4 | n/a | n/a | n/a |", table);
        Assert.Contains("| 4.0 ± 1.4 | n/a | n/a | n/a |", ComparisonReport.Table(Runs, ["e1"], ["a"], _ => null));
    }

    [Fact]
    public void NormalisedChart_DrawsABarPerEnvironmentAndAgent_AtTheMeanOverSeeds()
    {
        BarChart chart = ComparisonReport.NormalisedChart(Runs, ["e1"], ["a", "b"], _ => Plans);
        Assert.Equal(["e1 · a", "e1 · b"], chart.Bars.Select(b => b.Label));
        Assert.Equal(0.75, chart.Bars[0].Value!.Value, precision: 9);
        Assert.Equal(0.625, chart.Bars[0].Low!.Value, precision: 9);
        Assert.Equal(0.875, chart.Bars[0].High!.Value, precision: 9);
        Assert.Equal(ComparisonReport.NormalisedTarget, chart.Reference);
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
