using Microsoft.Extensions.AI;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;

namespace ProceduralMemory.Tests.Memory.Keys;

public class HashedNgramEmbedderTests
{
    private static float[] Embed(HashedNgramEmbedder embedder, string text, int? dimensions = null) =>
        embedder.GenerateAsync([text], dimensions is { } d ? new EmbeddingGenerationOptions { Dimensions = d } : null)
            .GetAwaiter().GetResult()[0].Vector.ToArray();

    [Fact]
    public void SimilarRequests_AreCloserThanUnrelatedOnes()
    {
        var embedder = new HashedNgramEmbedder();

        float[] ret = Embed(embedder, "return the item from my order");
        float[] similar = Embed(embedder, "return items from order #W123");
        float[] unrelated = Embed(embedder, "book a flight to Boston");

        float close = VectorMath.CosineSimilarity(ret, similar), far = VectorMath.CosineSimilarity(ret, unrelated);
        Assert.True(close > 0.4f, $"similar: {close}");
        Assert.True(close > far + 0.3f, $"similar {close}, unrelated {far}");
    }

    [Fact]
    public void WordPieces_MakeInflectionsSimilar()
    {
        var embedder = new HashedNgramEmbedder();

        float exchanged = VectorMath.CosineSimilarity(Embed(embedder, "exchanging"), Embed(embedder, "exchange"));
        float other = VectorMath.CosineSimilarity(Embed(embedder, "exchanging"), Embed(embedder, "cancel"));

        Assert.True(exchanged > other + 0.3f, $"exchanging~exchange {exchanged}, exchanging~cancel {other}");
    }

    [Fact]
    public void Embeddings_AreDeterministic_AcrossInstances()
    {
        float[] first = Embed(new HashedNgramEmbedder(), "cancel my pending order #W2378156");
        float[] second = Embed(new HashedNgramEmbedder(), "cancel my pending order #W2378156");

        Assert.Equal(first, second);
        // Case and punctuation do not change the words.
        Assert.Equal(first, Embed(new HashedNgramEmbedder(), "Cancel my PENDING order, #W2378156!"));
    }

    [Fact]
    public void TheRequestedDimension_IsHonoured_AndTheDefaultIs256()
    {
        var embedder = new HashedNgramEmbedder();

        Assert.Equal(256, Embed(embedder, "hello world").Length);
        Assert.Equal(64, Embed(embedder, "hello world", 64).Length);
        Assert.Equal(32, Embed(new HashedNgramEmbedder(32), "hello world").Length);
    }

    [Theory]
    [InlineData("return the item from my order")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("   \t ")]
    public void Embeddings_AreUnitLength(string text)
    {
        float[] vector = Embed(new HashedNgramEmbedder(), text);

        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(vector), 1e-5f);
    }

    [Fact]
    public void ATextThatCannotBeNormalised_IsStillEmbedded()
    {
        float[] vector = Embed(new HashedNgramEmbedder(), "order \uD800 #W1");

        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(vector), 1e-5f);
        Assert.Equal(Embed(new HashedNgramEmbedder(), "order #W1"), vector);
    }

    [Fact]
    public void EmptyAndBlankTexts_ShareOneFixedDirection()
    {
        var embedder = new HashedNgramEmbedder();

        Assert.Equal(Embed(embedder, ""), Embed(embedder, "  \n"));
        Assert.NotEqual(Embed(embedder, ""), Embed(embedder, "order"));
    }

    [Fact]
    public void Metadata_NamesTheProviderModelAndDimension()
    {
        var metadata = new HashedNgramEmbedder(128).GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("procmem", metadata.ProviderName);
        Assert.Equal("hashed-ngrams/v1", metadata.DefaultModelId);
        Assert.Equal(128, metadata.DefaultModelDimensions);
    }

    [Fact]
    public void ThroughEmbeddingKeyProvider_KeysAreNamedAndRetrieveTheRightPurpose()
    {
        var keys = new EmbeddingKeyProvider(new HashedNgramEmbedder(), HashedNgramEmbedder.DefaultDimension);
        string[] purposes = ["return delivered order items", "cancel pending order", "update user address", "book reservation"];
        var library = new SkillLibrary(keys.Dimension);
        foreach (string purpose in purposes)
            library.Add(new Skill(purpose.Replace(' ', '_'), ProceduralMemory.Environments.FactCondition.Always, ProceduralMemory.Environments.FactCondition.Always,
                new OpenLoopPolicy([0]), new SkillTermination(null, 1), keys.KeyOf(purpose)));

        Assert.Equal("embedding/v1 provider=procmem model=hashed-ngrams/v1 dim=256", keys.ModelId);
        Assert.Equal(keys.KeyOf(""), keys.KeyOf(" "));
        Skill found = library.Retrieve(new ProceduralMemory.Environments.Facts(0), keys.KeyOf("I want to return two items I received"), topK: 1).Single();
        Assert.Equal("return_delivered_order_items", found.Name);
        Assert.Equal("cancel_pending_order", library.Retrieve(new ProceduralMemory.Environments.Facts(0), keys.KeyOf("please cancel the order I just placed"), topK: 1).Single().Name);
    }
}
