using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Tests.Neural;

namespace ProceduralMemory.Tests.Agents.Baselines;

public class PpoLossTests
{
    private static readonly float[] Logits = [0.3f, -0.8f, 1.1f, 0.05f];

    /// <summary>The policy loss in double precision, for finite differences.</summary>
    private static double Reference(double[] z, int action, double oldLogProbability, double advantage, double clip, double entropyCoefficient)
    {
        double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
        double logSum = max + Math.Log(sum);
        double ratio = Math.Exp(z[action] - logSum - oldLogProbability);
        double surrogate = Math.Min(ratio * advantage, Math.Clamp(ratio, 1 - clip, 1 + clip) * advantage);
        double entropy = -z.Sum(v => Math.Exp(v - logSum) * (v - logSum));
        return -surrogate - entropyCoefficient * entropy;
    }

    private static double LogProbability(int action)
    {
        double max = Logits.Max(), sum = Logits.Sum(v => Math.Exp(v - max));
        return Logits[action] - max - Math.Log(sum);
    }

    [Theory]
    [InlineData(1.5f, 0.05f)]   // ratio 1.05: inside the clip range
    [InlineData(-0.7f, 0.1f)]
    [InlineData(1.2f, -0.5f)]   // ratio e^−0.5 ≈ 0.61 with A > 0: below the range, but the unclipped term is the smaller
    [InlineData(0.8f, 0f)]
    public void Policy_GradientMatchesFiniteDifferences_WhereTheObjectiveIsSmooth(float advantage, float logRatio)
    {
        const int action = 2;
        float old = (float)(LogProbability(action) - logRatio);
        var probabilities = new float[4];
        var gradient = new float[4];

        float loss = PpoLoss.Policy(Logits, action, old, advantage, 0.2f, 0.01f, 0.5f, probabilities, gradient);

        double[] z = GradientCheck.ToDouble(Logits);
        Assert.Equal(Reference(z, action, old, advantage, 0.2, 0.01), loss, 5);
        double[] numeric = GradientCheck.Numeric(z, p => 0.5 * Reference(p, action, old, advantage, 0.2, 0.01));
        GradientCheck.AssertClose(numeric, gradient);
    }

    [Theory]
    [InlineData(1f, 0.5f)]    // A > 0 and ratio e^0.5 ≈ 1.65 > 1.2: no more credit for raising it
    [InlineData(-1f, -0.5f)]  // A < 0 and ratio ≈ 0.61 < 0.8: no more credit for lowering it
    public void Policy_SurrogateGradientIsZero_OutsideTheClipRange(float advantage, float logRatio)
    {
        const int action = 1;
        float old = (float)(LogProbability(action) - logRatio);
        var probabilities = new float[4];
        var gradient = new float[4];

        float loss = PpoLoss.Policy(Logits, action, old, advantage, 0.2f, entropyCoefficient: 0f, scale: 1f, probabilities, gradient);

        Assert.All(gradient, g => Assert.Equal(0f, g));
        Assert.Equal(-(advantage > 0 ? 1.2f : 0.8f) * advantage, loss, 5);
    }

    [Fact]
    public void Policy_InsideTheRange_PushesTheActionUpForAPositiveAdvantage()
    {
        var probabilities = new float[4];
        var gradient = new float[4];
        PpoLoss.Policy(Logits, 0, (float)LogProbability(0), 1f, 0.2f, 0f, 1f, probabilities, gradient);
        Assert.True(gradient[0] < 0, "A descent step must raise the taken action's logit.");
        Assert.All(gradient.Skip(1), g => Assert.True(g > 0));
    }

    [Fact]
    public void Value_IsHalfTheScaledSquaredError_WithItsDerivative()
    {
        float loss = PpoLoss.Value(2f, 0.5f, coefficient: 0.5f, scale: 0.25f, out float gradient);
        Assert.Equal(0.5f * 0.5f * 1.5f * 1.5f, loss, 6);
        Assert.Equal(0.25f * 0.5f * 1.5f, gradient, 6);
    }
}
