namespace ProceduralMemory.Learning;

/// <summary>
/// A demonstration (a state-action sequence of any length, any domain) as one fixed-length vector a skill encoder
/// takes in: the features at the start, their mean over the steps, the features before the last action, how often
/// each action was taken, and the last action one-hot. The start says where a skill applies, the end and the last
/// action what it achieves (a pickup facing a key, a toggle facing a door), the mean and the frequencies how it goes.
/// </summary>
public static class DemonstrationSummary
{
    /// <summary>The length of the summary of demonstrations with <paramref name="featureCount"/> features and <paramref name="actionCount"/> actions.</summary>
    public static int Length(int featureCount, int actionCount) => checked(3 * featureCount + 2 * actionCount);

    /// <summary>The summary of <paramref name="steps"/> (not empty, every step <paramref name="featureCount"/> features, actions below <paramref name="actionCount"/>).</summary>
    public static float[] Of(IReadOnlyList<AgentStep> steps, int featureCount, int actionCount)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actionCount);
        if (steps.Count == 0)
            throw new ArgumentException("A demonstration needs at least one step.", nameof(steps));
        var summary = new float[Length(featureCount, actionCount)];
        Span<float> start = summary.AsSpan(0, featureCount), mean = summary.AsSpan(featureCount, featureCount),
            last = summary.AsSpan(2 * featureCount, featureCount), frequencies = summary.AsSpan(3 * featureCount, actionCount),
            lastAction = summary.AsSpan(3 * featureCount + actionCount, actionCount);
        float weight = 1f / steps.Count;
        foreach (AgentStep step in steps)
        {
            if (step.Features.Length != featureCount)
                throw new ArgumentException($"Every step must have {featureCount} features; one has {step.Features.Length}.", nameof(steps));
            if ((uint)step.Action >= (uint)actionCount)
                throw new ArgumentException($"Action {step.Action} is not below {actionCount}.", nameof(steps));
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(step.Features, weight, mean, mean);
            frequencies[step.Action] += weight;
        }
        steps[0].Features.CopyTo(start);
        steps[^1].Features.CopyTo(last);
        lastAction[steps[^1].Action] = 1f;
        return summary;
    }
}
