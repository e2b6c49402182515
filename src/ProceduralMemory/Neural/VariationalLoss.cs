namespace ProceduralMemory.Neural;

/// <summary>The terms of a <see cref="VariationalEncoder"/>'s loss, for one sample or averaged over a batch.</summary>
/// <param name="Reconstruction">Half the squared error of the decoded input, <c>½‖x̂ − x‖²</c>.</param>
/// <param name="Divergence">The KL divergence of the code's distribution from the standard normal prior.</param>
/// <param name="Beta">The weight of the divergence in <see cref="Total"/>.</param>
/// <param name="Separation">The separation term of labelled training (<see cref="SeparationLoss"/>), averaged over batches; 0 without labels.</param>
/// <param name="SeparationWeight">The weight of the separation term in <see cref="Total"/>.</param>
public readonly record struct VariationalLoss(float Reconstruction, float Divergence, float Beta, float Separation = 0f, float SeparationWeight = 0f)
{
    /// <summary>The loss minimised: <c>Reconstruction + Beta · Divergence + SeparationWeight · Separation</c>.</summary>
    public float Total => Reconstruction + Beta * Divergence + SeparationWeight * Separation;
}
