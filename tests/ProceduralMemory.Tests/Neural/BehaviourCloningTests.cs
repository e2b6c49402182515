using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class BehaviourCloningTests
{
    /// <summary>Points in the plane labelled by which side of two lines they fall (three classes, separable).</summary>
    private static Demonstrations Separable(int count, ulong seed)
    {
        var rng = new Rng(seed);
        var data = new Demonstrations(2);
        while (data.Count < count)
        {
            float x = (float)(2 * rng.NextDouble() - 1), y = (float)(2 * rng.NextDouble() - 1);
            float margin = Math.Min(Math.Abs(x - y), Math.Abs(x + y));
            if (margin < 0.1f)
                continue;
            data.Add([x, y], x > y ? 0 : x + y > 0 ? 1 : 2);
        }
        return data;
    }

    private static Demonstrations Xor()
    {
        var data = new Demonstrations(2);
        foreach ((float a, float b) in new[] { (0f, 0f), (0f, 1f), (1f, 0f), (1f, 1f) })
            data.Add([a, b], a != b ? 1 : 0);
        return data;
    }

    [Fact]
    public void Train_FitsSeparableData_ToFullTrainingAccuracy()
    {
        var mlp = new Mlp(2, [16], 3, seed: 1);
        var result = BehaviourCloning.Train(mlp, Separable(200, 2), new BehaviourCloningOptions { Epochs = 300, LearningRate = 0.01f });
        Assert.Equal(1.0, result.TrainingAccuracy);
        Assert.Equal(300, result.EpochsRun);
        Assert.True(result.Loss < 0.1f, $"loss {result.Loss}");
    }

    [Fact]
    public void Train_FitsXor_WithAHiddenLayer_ButNotWithoutOne()
    {
        var options = new BehaviourCloningOptions { Epochs = 500, BatchSize = 4, LearningRate = 0.02f };
        var deep = BehaviourCloning.Train(new Mlp(2, [8], 2, seed: 3), Xor(), options);
        Assert.Equal(1.0, deep.TrainingAccuracy);
        // XOR is not linearly separable: a model without a hidden layer gets at most 3 of 4 right.
        var linear = BehaviourCloning.Train(new Mlp(2, [], 2, seed: 3), Xor(), options);
        Assert.True(linear.TrainingAccuracy <= 0.75);
    }

    [Fact]
    public void Train_IsDeterministic_UnderASeed_AndTheSeedMatters()
    {
        Demonstrations data = Separable(100, 4);
        float[] Weights(ulong networkSeed, ulong shuffleSeed)
        {
            var mlp = new Mlp(2, [8], 3, networkSeed);
            BehaviourCloning.Train(mlp, data, new BehaviourCloningOptions { Epochs = 5, BatchSize = 16, Seed = shuffleSeed });
            return mlp.Parameters.ToArray();
        }
        Assert.Equal(Weights(5, 6), Weights(5, 6));
        Assert.NotEqual(Weights(5, 6), Weights(5, 7));
        Assert.NotEqual(Weights(5, 6), Weights(8, 6));
    }

    [Fact]
    public void Train_StopsEarly_OnceTheTargetAccuracyIsReached()
    {
        var mlp = new Mlp(2, [16], 3, seed: 9);
        var result = BehaviourCloning.Train(mlp, Separable(100, 10),
            new BehaviourCloningOptions { Epochs = 1000, LearningRate = 0.01f, StopAtTrainingAccuracy = 0.9 });
        Assert.True(result.EpochsRun < 1000);
        Assert.True(result.TrainingAccuracy >= 0.9);
    }

    [Fact]
    public void Train_FollowsTheHeavierOfConflictingDemonstrations()
    {
        var data = new Demonstrations(1);
        data.Add([1f], 0, weight: 1f);
        data.Add([1f], 1, weight: 3f);
        var mlp = new Mlp(1, [4], 2, seed: 11);
        BehaviourCloning.Train(mlp, data, new BehaviourCloningOptions { Epochs = 200, LearningRate = 0.01f });
        var probabilities = new float[2];
        mlp.Probabilities([1f], probabilities);
        // The weighted cross-entropy is minimised at p(1) = 3/4.
        Assert.Equal(0.75f, probabilities[1], 0.02f);
    }

    [Fact]
    public void Train_RejectsDataThatDoesNotFitTheNetwork()
    {
        var options = new BehaviourCloningOptions();
        Assert.Throws<ArgumentException>(() => BehaviourCloning.Train(new Mlp(2, [4], 2, 1), new Demonstrations(2), options));
        Assert.Throws<ArgumentException>(() => BehaviourCloning.Train(new Mlp(3, [4], 2, 1), Xor(), options));
        var bad = new Demonstrations(2);
        bad.Add([0f, 0f], 5);
        Assert.Throws<ArgumentException>(() => BehaviourCloning.Train(new Mlp(2, [4], 2, 1), bad, options));
        Assert.Throws<ArgumentOutOfRangeException>(() => BehaviourCloning.Train(new Mlp(2, [4], 2, 1), Xor(), options with { BatchSize = 0 }));
    }

    [Fact]
    public void Demonstrations_RejectWrongLengthsAndNonFiniteValues()
    {
        var data = new Demonstrations(2);
        Assert.Throws<ArgumentException>(() => data.Add([1f], 0));
        Assert.Throws<ArgumentException>(() => data.Add([1f, float.NaN], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Add([1f, 2f], -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.Add([1f, 2f], 0, float.NaN));
        Assert.Equal(0, data.Count);
    }
}
