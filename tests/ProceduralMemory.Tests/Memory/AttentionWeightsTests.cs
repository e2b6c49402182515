using ProceduralMemory.Memory;

namespace ProceduralMemory.Tests.Memory;

public class AttentionWeightsTests
{
    [Fact]
    public void Softmax_MatchesTheScalarFormula_ForEveryLengthFrom0To256()
    {
        var rng = new Rng(1);
        for (int length = 0; length <= 256; length++)
        {
            var similarities = new float[length];
            for (int i = 0; i < length; i++)
                similarities[i] = (float)(2 * rng.NextDouble() - 1);
            var weights = new float[length];
            AttentionWeights.Softmax(similarities, 0.1f, weights);

            double sum = similarities.Sum(s => Math.Exp(s / 0.1));
            for (int i = 0; i < length; i++)
                Assert.Equal(Math.Exp(similarities[i] / 0.1) / sum, weights[i], 1e-6 * (1 + Math.Exp(similarities[i] / 0.1) / sum));
        }
    }

    [Fact]
    public void Softmax_AtALowTemperature_PutsNearlyAllWeightOnTheBest()
    {
        var weights = new float[3];
        AttentionWeights.Softmax([0.9f, 0.5f, 0.2f], 0.01f, weights);
        Assert.True(weights[0] > 0.999f);
        Assert.Equal(1f, weights.Sum(), 5);
    }

    [Fact]
    public void Softmax_RejectsANonPositiveTemperature() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AttentionWeights.Softmax([1f], 0f, new float[1]));
}
