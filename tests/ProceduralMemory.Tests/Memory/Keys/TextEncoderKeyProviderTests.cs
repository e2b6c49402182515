using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Memory.Keys;

public class TextEncoderKeyProviderTests
{
    private static readonly string[] Texts =
    [
        "return the kettle from order #W1", "return the wall clock from order #W2", "please return the lamp of order #W3",
        "exchange the blue shirt for a red one", "exchange the small jacket for a large one", "exchange my shoes for another size",
        "cancel order #W4 because it was ordered by mistake", "cancel order #W5, no longer needed", "cancel my pending order #W6",
    ];

    private static readonly VariationalEncoderOptions Options = new() { LatentSize = 4, HiddenSize = 16, Epochs = 200, Seed = 3 };

    private static TextEncoderKeyProvider Train(ulong seed = 3) =>
        TextEncoderKeyProvider.Train(new EmbeddingKeyProvider(new HashedNgramEmbedder(64), 64), Texts, Options with { Seed = seed });

    [Fact]
    public void Keys_AreUnitCodes_OfTheEncodersLength_AndTheModelIdNamesBothModels()
    {
        TextEncoderKeyProvider keys = Train();

        float[] key = keys.KeyOf("return the toaster from order #W9");

        Assert.Equal(4, keys.Dimension);
        Assert.Equal(4, key.Length);
        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(key), 1e-5f);
        Assert.StartsWith("text-encoder/v1 dim=4 weights=", keys.ModelId, StringComparison.Ordinal);
        Assert.EndsWith("over embedding/v1 provider=procmem model=hashed-ngrams/v1 dim=64", keys.ModelId, StringComparison.Ordinal);
    }

    [Fact]
    public void SameSeed_SameKeysAndModel_AnotherSeed_AnotherModel()
    {
        TextEncoderKeyProvider first = Train(), second = Train(), other = Train(seed: 4);

        Assert.Equal(first.ModelId, second.ModelId);
        Assert.Equal(first.KeyOf("cancel order #W7"), second.KeyOf("cancel order #W7"));
        Assert.NotEqual(first.ModelId, other.ModelId);
    }

    [Fact]
    public void ANewTextOfAKind_IsNearerItsKindThanTheOthers()
    {
        TextEncoderKeyProvider keys = Train();
        float[] Centroid(IEnumerable<string> texts)
        {
            var sum = new float[keys.Dimension];
            foreach (string text in texts)
                System.Numerics.Tensors.TensorPrimitives.Add(sum, keys.KeyOf(text), sum);
            VectorMath.NormalizeInPlace(sum);
            return sum;
        }
        float[] returns = Centroid(Texts[..3]), exchanges = Centroid(Texts[3..6]), cancels = Centroid(Texts[6..]);

        float[] query = keys.KeyOf("cancel order #W8, it was a mistake");

        Assert.True(VectorMath.CosineSimilarity(query, cancels) > VectorMath.CosineSimilarity(query, returns));
        Assert.True(VectorMath.CosineSimilarity(query, cancels) > VectorMath.CosineSimilarity(query, exchanges));
    }

    [Fact]
    public void LabelledTraining_KeepsTwoLabelsCodesFurtherApart_ThanUnlabelled()
    {
        // Two procedures whose clauses share most of their words (names, order ids, items): what tells them apart
        // ("return" or "exchange") is a small part of what varies, the case the labels are for.
        string[] names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth"];
        string[] items = ["kettle", "wall clock", "desk lamp", "blue shirt", "water bottle", "yoga mat"];
        var labelled = new List<(string Text, string Label)>();
        for (int i = 0; i < 24; i++)
        {
            string verb = i % 2 == 0 ? "return" : "exchange";
            labelled.Add(($"{names[i % names.Length]} wants to {verb} the {items[i / 2 % items.Length]} of order #W{1000 + 37 * i}", verb));
        }
        var text = new EmbeddingKeyProvider(new HashedNgramEmbedder(64), 64);
        VariationalEncoderOptions options = Options with { Epochs = 100 };
        TextEncoderKeyProvider unlabelled = TextEncoderKeyProvider.Train(text, labelled.Select(l => l.Text), options);
        TextEncoderKeyProvider separated = TextEncoderKeyProvider.Train(text, labelled, options with { Separation = 5f });

        Assert.True(Margin(separated) > Margin(unlabelled) + 0.1f, $"{Margin(separated)} against {Margin(unlabelled)}");

        // How much nearer, on average, each training text's key is to its own label's mean key than to the other's.
        float Margin(TextEncoderKeyProvider keys)
        {
            float[] Mean(string label)
            {
                var sum = new float[keys.Dimension];
                foreach (var (t, _) in labelled.Where(l => l.Label == label))
                    System.Numerics.Tensors.TensorPrimitives.Add(sum, keys.KeyOf(t), sum);
                VectorMath.NormalizeInPlace(sum);
                return sum;
            }
            var means = new Dictionary<string, float[]> { ["return"] = Mean("return"), ["exchange"] = Mean("exchange") };
            return labelled.Average(l => VectorMath.CosineSimilarity(keys.KeyOf(l.Text), means[l.Label])
                - VectorMath.CosineSimilarity(keys.KeyOf(l.Text), means[l.Label == "return" ? "exchange" : "return"]));
        }
    }

    [Fact]
    public void LabelledTraining_AtWeightZero_IsUnlabelledTraining_BitForBit()
    {
        var text = new EmbeddingKeyProvider(new HashedNgramEmbedder(64), 64);
        TextEncoderKeyProvider unlabelled = TextEncoderKeyProvider.Train(text, Texts, Options);
        TextEncoderKeyProvider labelled = TextEncoderKeyProvider.Train(text, Texts.Select((t, i) => (t, (i / 3).ToString(System.Globalization.CultureInfo.InvariantCulture))), Options);

        Assert.Equal(unlabelled.ModelId, labelled.ModelId);
    }

    [Fact]
    public void NoTexts_OrAnEncoderOfAnotherLength_AreRefused()
    {
        var text = new EmbeddingKeyProvider(new HashedNgramEmbedder(64), 64);

        Assert.Throws<ArgumentException>(() => TextEncoderKeyProvider.Train(text, Array.Empty<string>(), Options));
        StandardizedEncoder encoder = Train().Encoder;
        Assert.Throws<ArgumentException>(() => new TextEncoderKeyProvider(new EmbeddingKeyProvider(new HashedNgramEmbedder(32), 32), encoder));
    }
}
