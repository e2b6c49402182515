using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class MlpTests
{
    [Theory]
    [InlineData(HiddenActivation.Relu)]
    [InlineData(HiddenActivation.Tanh)]
    public void Gradients_OfAWeightedBatch_MatchFiniteDifferences(HiddenActivation activation)
    {
        int[] sizes = [5, 4, 3, 3];
        var mlp = new Mlp(5, [4, 3], 3, seed: 7, activation);
        var rng = new Rng(8);
        // Non-zero biases so that no hidden unit sits exactly on ReLU's kink.
        Span<float> parameters = [.. mlp.Parameters];
        for (int i = 0; i < parameters.Length; i++)
            parameters[i] += (float)(0.1 * (rng.NextDouble() - 0.5));
        mlp.LoadWeights(new MlpWeights(sizes, activation, parameters));
        float[] inputs = GradientCheck.RandomFloats(rng, 4 * 5, 2);
        int[] labels = [0, 2, 1, 2];
        float[] weights = [1f, 0.5f, 2f, 0f];

        float loss = mlp.AccumulateGradients(inputs, labels, weights);

        double[] reference = GradientCheck.ToDouble(mlp.Parameters);
        double BatchLoss(double[] p) => GradientCheck.MlpBatchLoss(sizes, activation, p, inputs, labels, weights);
        Assert.Equal(BatchLoss(reference), loss, 1e-5);
        GradientCheck.AssertClose(GradientCheck.Numeric(reference, BatchLoss), mlp.Gradients);
    }

    [Fact]
    public void Forward_MatchesDoubleReference()
    {
        var mlp = new Mlp(6, [8, 5], 4, seed: 9);
        float[] input = GradientCheck.RandomFloats(new Rng(10), 6);
        var logits = new float[4];
        mlp.Forward(input, logits);
        double[] expected = GradientCheck.MlpLogits([6, 8, 5, 4], HiddenActivation.Relu, GradientCheck.ToDouble(mlp.Parameters), GradientCheck.ToDouble(input));
        GradientCheck.AssertClose(expected, logits, 1e-5, 1e-5);
    }

    [Fact]
    public void Probabilities_AreTheSoftmaxOfTheLogits_AndPredictIsTheirArgmax()
    {
        var mlp = new Mlp(3, [16], 5, seed: 11);
        float[] input = [0.3f, -1f, 2f];
        var logits = new float[5];
        var probabilities = new float[5];
        mlp.Forward(input, logits);
        mlp.Probabilities(input, probabilities);
        double[] z = GradientCheck.ToDouble(logits);
        for (int a = 0; a < 5; a++)
            Assert.Equal(Math.Exp(-GradientCheck.CrossEntropy(z, a)), probabilities[a], 1e-6);
        Assert.Equal(Array.IndexOf(logits, logits.Max()), mlp.Predict(input));
    }

    [Fact]
    public void Predict_OnTiedLogits_ReturnsTheLowestIndex()
    {
        // No weights, so the logits are the output biases.
        int[] sizes = [2, 3, 4];
        var parameters = new float[MlpWeights.ParameterCount(sizes)];
        float[] bias = [1f, 5f, 5f, 2f];
        bias.CopyTo(parameters.AsSpan(^4..));
        var mlp = Mlp.FromWeights(new MlpWeights(sizes, HiddenActivation.Relu, parameters));
        Assert.Equal(1, mlp.Predict([0.5f, -0.5f]));
        var flat = Mlp.FromWeights(new MlpWeights(sizes, HiddenActivation.Relu, new float[parameters.Length]));
        Assert.Equal(0, flat.Predict([0.5f, -0.5f]));
    }

    [Fact]
    public void SameSeed_GivesIdenticalWeights_DifferentSeed_DifferentWeights()
    {
        float[] Weights(ulong seed) => new Mlp(10, [32, 32], 7, seed).Parameters.ToArray();
        Assert.Equal(Weights(3), Weights(3));
        Assert.NotEqual(Weights(3), Weights(4));
    }

    [Theory]
    [InlineData(HiddenActivation.Relu, 6.0)]
    [InlineData(HiddenActivation.Tanh, 3.0)]
    public void Initialisation_IsUniformWithinTheHeOrLeCunLimit_WithZeroBiases(HiddenActivation activation, double gain)
    {
        var mlp = new Mlp(50, [40], 7, seed: 12, activation);
        DenseLayer first = mlp.Layer(0), last = mlp.Layer(1);
        double limit = Math.Sqrt(gain / 50);
        Assert.All(first.Weights.ToArray(), w => Assert.InRange(Math.Abs(w), 0, limit));
        Assert.True(first.Weights.ToArray().Max(Math.Abs) > 0.9 * limit, "weights should fill the range");
        double variance = first.Weights.ToArray().Average(w => (double)w * w);
        Assert.InRange(variance, 0.9 * gain / 3 / 50, 1.1 * gain / 3 / 50);
        Assert.All(last.Weights.ToArray(), w => Assert.InRange(Math.Abs(w), 0, Math.Sqrt(gain / 40)));
        Assert.All(first.Bias.ToArray(), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void ForwardPredictProbabilitiesAndTrainStep_AllocateNothing_AfterWarmUp()
    {
        var mlp = new Mlp(300, [64], 7, seed: 13);
        float[] input = GradientCheck.RandomFloats(new Rng(14), 300);
        float[] batch = GradientCheck.RandomFloats(new Rng(15), 4 * 300);
        int[] labels = [0, 3, 6, 1];
        float[] weights = [1, 2, 1, 0.5f];
        var logits = new float[7];
        var adam = new Adam();
        void Run()
        {
            for (int i = 0; i < 100; i++)
            {
                mlp.Forward(input, logits);
                mlp.Predict(input);
                mlp.Probabilities(input, logits);
            }
            mlp.TrainStep(batch, labels, adam, weights);
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TrainStep_RejectsABadLabel_WithoutChangingTheNetwork()
    {
        var mlp = new Mlp(2, [4], 3, seed: 16);
        float[] before = mlp.Parameters.ToArray();
        Assert.Throws<ArgumentOutOfRangeException>(() => mlp.TrainStep([1, 2, 3, 4], [0, 3], new Adam()));
        Assert.Throws<ArgumentOutOfRangeException>(() => mlp.TrainStep([1, 2, 3, 4], [0, 1], new Adam(), [1f, -1f]));
        Assert.Throws<ArgumentException>(() => mlp.TrainStep([1, 2, 3], [0, 1], new Adam()));
        Assert.Equal(before, mlp.Parameters.ToArray());
    }

    [Fact]
    public void TrainStep_RepeatedOnOneBatch_DrivesItsLossDown()
    {
        var mlp = new Mlp(4, [16], 3, seed: 17);
        float[] inputs = GradientCheck.RandomFloats(new Rng(18), 6 * 4);
        int[] labels = [0, 1, 2, 2, 1, 0];
        var adam = new Adam(learningRate: 0.01f);
        float first = mlp.TrainStep(inputs, labels, adam);
        float last = first;
        for (int i = 0; i < 300; i++)
            last = mlp.TrainStep(inputs, labels, adam);
        Assert.True(last < 0.1f * first, $"loss {last} from {first}");
    }

    [Fact]
    public void Forward_RejectsAnInputOfTheWrongLength()
    {
        var mlp = new Mlp(3, [4], 2, seed: 19);
        Assert.Throws<ArgumentException>(() => mlp.Forward(new float[4], new float[2]));
        Assert.Throws<ArgumentException>(() => mlp.Forward(new float[3], new float[3]));
    }
}
