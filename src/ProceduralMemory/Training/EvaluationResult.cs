namespace ProceduralMemory.Training;

/// <summary>How an agent did, greedily and with learning off, on a set of layouts.</summary>
/// <param name="Episodes">Layouts played.</param>
/// <param name="MeanReturn">Mean episode return.</param>
/// <param name="SuccessRate">Share of episodes that reached the goal.</param>
/// <param name="MeanSteps">Mean steps per episode.</param>
/// <param name="LayoutsAlsoTrainedOn">How many of the layouts played had also been trained on, compared by content
/// (0 when the layouts are held out; only a training run knows, so a bare evaluation reports 0).</param>
public readonly record struct EvaluationResult(int Episodes, double MeanReturn, double SuccessRate, double MeanSteps, int LayoutsAlsoTrainedOn = 0)
{
    /// <summary>The share of the layouts played that had also been trained on (<c>eval_layout_overlap</c>).</summary>
    public double LayoutOverlap => Episodes == 0 ? 0 : (double)LayoutsAlsoTrainedOn / Episodes;
}
