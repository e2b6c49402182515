using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Memory.Attention;

public class BlendedPolicyTests
{
    private const int Features = 5, Actions = 4;

    internal static Skill NetworkSkill(string name, ulong seed, float[] key, FactCondition? preconditions = null, FactCondition? effect = null) =>
        new(name, preconditions ?? FactCondition.Always, effect ?? new FactCondition(1, 1),
            new MlpPolicy(new Mlp(Features, [6], Actions, seed)), new SkillTermination(null, 10), key);

    private static float[] Input(Rng rng) => Enumerable.Range(0, Features).Select(_ => (float)(2 * rng.NextDouble() - 1)).ToArray();

    private static readonly Skill[] Three = [NetworkSkill("a", 1, [1, 0]), NetworkSkill("b", 2, [0, 1]), NetworkSkill("c", 3, [1, 1])];

    [Fact]
    public void Weights_SumToOne_AndFollowTheSimilarities()
    {
        BlendedPolicy blend = BlendedPolicy.Attend(Three, [0.8f, 0.6f, 0.7f], new AttentionRetrievalOptions { Temperature = 0.1f, ExactFit = 0.95f });

        Assert.False(blend.IsSingle);
        Assert.Equal(1f, blend.Weights.Sum(), 5);
        Assert.True(blend.Weights[0] > blend.Weights[2] && blend.Weights[2] > blend.Weights[1]);
        Assert.Equal(Math.Exp(2), blend.Weights[0] / blend.Weights[1], 3); // softmax: a ratio of e^(0.2 / 0.1)
    }

    [Fact]
    public void AnExactFit_WinsOutright_EvenWhenItIsNotTheRunningSkill()
    {
        BlendedPolicy blend = BlendedPolicy.Attend(Three, [0.8f, 0.97f, 0.96f], new AttentionRetrievalOptions { ExactFit = 0.95f });

        Assert.True(blend.IsSingle);
        Assert.Same(Three[1], Assert.Single(blend.Members));
        Assert.Equal([1f], blend.Weights);
    }

    [Fact]
    public void ASingleMember_ActsOnItsOwnLogits()
    {
        BlendedPolicy blend = BlendedPolicy.Attend([Three[2]], [0.1f], new AttentionRetrievalOptions());
        var rng = new Rng(4);
        float[] input = Input(rng), scores = new float[Actions], logits = new float[Actions];

        blend.WriteScores(input, scores);
        ((INetworkPolicy)Three[2].Policy).Network.Forward(input, logits);

        Assert.Equal(logits, scores);
    }

    [Fact]
    public void Scores_AreTheWeightedMixtureOfTheMembersActionDistributions()
    {
        BlendedPolicy blend = BlendedPolicy.Attend(Three, [0.5f, 0.4f, 0.45f], new AttentionRetrievalOptions { Temperature = 0.2f });
        var rng = new Rng(7);
        for (int trial = 0; trial < 20; trial++)
        {
            float[] input = Input(rng), scores = new float[Actions];
            blend.WriteScores(input, scores);

            var expected = new double[Actions];
            for (int m = 0; m < Three.Length; m++)
            {
                var probabilities = new float[Actions];
                ((INetworkPolicy)Three[m].Policy).Network.Probabilities(input, probabilities);
                for (int a = 0; a < Actions; a++)
                    expected[a] += blend.Weights[m] * probabilities[a];
            }
            for (int a = 0; a < Actions; a++)
                Assert.Equal(expected[a], scores[a], 1e-6);
            Assert.Equal(1f, scores.Sum(), 5);
        }
    }

    [Fact]
    public void ALowTemperature_ChoosesWhatTheMostSimilarCandidateAloneChooses()
    {
        BlendedPolicy blend = BlendedPolicy.Attend(Three, [0.5f, 0.8f, 0.6f], new AttentionRetrievalOptions { Temperature = 1e-4f });
        Mlp best = ((INetworkPolicy)Three[1].Policy).Network;
        var rng = new Rng(9);

        Assert.Equal(1f, blend.Weights[1]);
        for (int trial = 0; trial < 200; trial++)
        {
            float[] input = Input(rng), scores = new float[Actions];
            blend.WriteScores(input, scores);
            Assert.Equal(best.Predict(input), System.Numerics.Tensors.TensorPrimitives.IndexOfMax(scores));
        }
    }

    [Fact]
    public void SameCandidates_SameBits()
    {
        var options = new AttentionRetrievalOptions { Temperature = 0.07f };
        float[] input = Input(new Rng(3)), first = new float[Actions], second = new float[Actions];
        BlendedPolicy.Attend(Three, [0.3f, 0.35f, 0.2f], options).WriteScores(input, first);
        BlendedPolicy.Attend(Three, [0.3f, 0.35f, 0.2f], options).WriteScores(input, second);

        Assert.Equal(first.Select(BitConverter.SingleToInt32Bits), second.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Priors_WeighEachCandidateByItsDemonstrations_AndItsSmoothedSuccessRate()
    {
        Skill proven = NetworkSkill("proven", 1, [1, 0]), untried = NetworkSkill("untried", 2, [0, 1]);
        proven.Statistics.Restore(uses: 10, successes: 9, demonstrations: 8);
        untried.Statistics.Restore(uses: 10, successes: 0, demonstrations: 1);
        var options = new AttentionRetrievalOptions { Temperature = 0.1f, ExactFit = 2f };

        // Equally similar: similarity alone weighs them equally; each prior multiplies a weight by its own factor.
        Assert.Equal(1.0, Ratio(options), 4);
        Assert.Equal(8.0, Ratio(options with { EvidencePrior = true }), 3); // 8 demonstrations against 1
        Assert.Equal(10.0, Ratio(options with { SuccessPrior = true }), 3); // (9 + 1) / (10 + 2) against (0 + 1) / (10 + 2)
        Assert.Equal(80.0, Ratio(options with { EvidencePrior = true, SuccessPrior = true }), 1);

        double Ratio(AttentionRetrievalOptions o)
        {
            BlendedPolicy blend = BlendedPolicy.Attend([proven, untried], [0.5f, 0.5f], o);
            return blend.Weights[0] / (double)blend.Weights[1];
        }
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        var options = new AttentionRetrievalOptions();
        var openLoop = new Skill("o", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1, 0]);
        Assert.Throws<ArgumentException>(() => BlendedPolicy.Attend([], [], options));
        Assert.Throws<ArgumentException>(() => BlendedPolicy.Attend(Three, [0.1f], options));
        Assert.Throws<ArgumentException>(() => BlendedPolicy.Attend([Three[0], openLoop], [0.1f, 0.2f], options));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlendedPolicy.Attend(Three, [0.1f, 0.2f, 0.3f], options with { Temperature = 0f }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlendedPolicy.Attend(Three, [0.1f, 0.2f, 0.3f], options with { MaxCandidates = 0 }));
    }
}
