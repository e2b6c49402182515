namespace ProceduralMemory.Neural;

/// <summary>
/// Clipping by global norm (Pascanu et al. 2013): when the gradients of several networks, taken as one vector, are
/// longer than a bound, all are scaled down together so that their joint norm is the bound; their direction is kept.
/// </summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales the accumulated gradients of <paramref name="networks"/> by <c>maxNorm / (norm + 1e-6)</c> when that is
    /// below 1, the rule of PyTorch's <c>clip_grad_norm_</c>; returns the joint norm before clipping.
    /// </summary>
    /// <param name="maxNorm">The largest joint norm let through; positive.</param>
    /// <param name="networks">The networks whose gradients are clipped together.</param>
    public static double ClipGlobalNorm(float maxNorm, params ReadOnlySpan<Mlp> networks)
    {
        if (!(maxNorm > 0f))
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "Must be positive.");
        double squared = 0;
        foreach (Mlp network in networks)
            squared += network.GradientSquaredNorm();
        double norm = Math.Sqrt(squared);
        double factor = maxNorm / (norm + 1e-6);
        if (factor < 1)
            foreach (Mlp network in networks)
                network.ScaleGradients((float)factor);
        return norm;
    }
}
