using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class GradientClippingTests
{
    private static Mlp WithGradient(ulong seed, float size)
    {
        var mlp = new Mlp(3, [4], 2, seed, HiddenActivation.Tanh);
        float[] input = [0.5f, -1f, 2f];
        mlp.Forward(input, new float[2]);
        mlp.Backward(input, [size, -size]);
        return mlp;
    }

    [Fact]
    public void ClipGlobalNorm_ScalesAllNetworksTogether_ToTheBound()
    {
        Mlp a = WithGradient(1, 3f), b = WithGradient(2, 5f);
        float[] beforeA = a.Gradients.ToArray(), beforeB = b.Gradients.ToArray();
        double norm = Math.Sqrt(a.GradientSquaredNorm() + b.GradientSquaredNorm());
        Assert.True(norm > 0.5);

        double reported = GradientClipping.ClipGlobalNorm(0.5f, a, b);

        Assert.Equal(norm, reported, 9);
        Assert.Equal(0.5, Math.Sqrt(a.GradientSquaredNorm() + b.GradientSquaredNorm()), 4);
        // One factor for both: the joint direction is kept.
        double factor = a.Gradients[0] / beforeA[0];
        Assert.Equal(0.5 / (norm + 1e-6), factor, 5);
        for (int i = 0; i < beforeB.Length; i++)
            Assert.Equal(beforeB[i] * factor, b.Gradients[i], 5);
    }

    [Fact]
    public void ClipGlobalNorm_LeavesGradientsWithinTheBoundAlone()
    {
        Mlp a = WithGradient(3, 1e-3f);
        float[] before = a.Gradients.ToArray();
        GradientClipping.ClipGlobalNorm(10f, a);
        Assert.Equal(before, a.Gradients.ToArray());
    }
}
