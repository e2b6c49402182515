namespace ProceduralMemory.Tools;

/// <summary>The end-of-episode judgement of a tool task.</summary>
/// <param name="StateMatches">The state equals the state the ground-truth calls give.</param>
/// <param name="OutputsGiven">Every required output appeared in what the agent told the user.</param>
public sealed record ToolEvaluation(bool StateMatches, bool OutputsGiven)
{
    /// <summary>The reward: 1 when both hold, else 0 (the reference's).</summary>
    public double Reward => Success ? 1.0 : 0.0;

    /// <summary>True when the task was done.</summary>
    public bool Success => StateMatches && OutputsGiven;
}
