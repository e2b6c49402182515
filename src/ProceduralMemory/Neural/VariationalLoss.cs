namespace ProceduralMemory.Neural;

/// <summary>The two terms of a <see cref="VariationalEncoder"/>'s loss, for one sample or averaged over a batch.</summary>
/// <param name="Reconstruction">Half the squared error of the decoded input, <c>½‖x̂ − x‖²</c>.</param>
/// <param name="Divergence">The KL divergence of the code's distribution from the standard normal prior.</param>
/// <param name="Beta">The weight of the divergence in <see cref="Total"/>.</param>
public readonly record struct VariationalLoss(float Reconstruction, float Divergence, float Beta)
{
    /// <summary>The loss minimised: <c>Reconstruction + Beta · Divergence</c>.</summary>
    public float Total => Reconstruction + Beta * Divergence;
}
