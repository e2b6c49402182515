namespace ProceduralMemory.Agents;

/// <summary>How the agent ranks the skills that apply (part of the agent's options).</summary>
public sealed record SelectionOptions
{
    /// <summary>Skills retrieved by key similarity before ranking (the most similar applicable ones).</summary>
    public int TopK { get; init; } = 8;

    /// <summary>Weight of the upper-confidence bonus that makes rarely used skills worth another try while learning.</summary>
    public double ConfidenceBonus { get; init; } = 0.5;

    /// <summary>The success rate credited to a skill never used yet: optimistic (1), so that a new skill gets used and judged.</summary>
    public double UntriedSuccessRate { get; init; } = 1.0;
}
