using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Tests.Shared.Keys;

namespace ProceduralMemory.Tests.Memory.Keys;

public class EmbeddingKeyProviderTests
{
    [Fact]
    public void ModelId_NamesTheProviderTheModelAndTheDimension()
    {
        var keys = new EmbeddingKeyProvider(new TrigramEmbeddingGenerator(16), 16);

        Assert.Equal("embedding/v1 provider=test-provider model=trigram-test dim=16", keys.ModelId);
        Assert.Equal(16, keys.Dimension);
    }

    [Fact]
    public void Keys_AreUnitLength_Repeatable_AndCloserForSimilarTexts()
    {
        var keys = new EmbeddingKeyProvider(new TrigramEmbeddingGenerator(64), 64);

        float[] open = keys.KeyOf("call open_issue with the bug title");
        float[] again = keys.KeyOf("call open_issue with the bug title");
        float[] similar = keys.KeyOf("call open_issue with a bug title");
        float[] other = keys.KeyOf("list files in /tmp");

        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(open), 1e-5f);
        Assert.Equal(open, again);
        Assert.True(VectorMath.CosineSimilarity(open, similar) > VectorMath.CosineSimilarity(open, other));
    }

    [Fact]
    public async Task KeysOfAsync_EmbedsManyTextsInOneRequest()
    {
        var generator = new TrigramEmbeddingGenerator(8);
        var keys = new EmbeddingKeyProvider(generator, 8);

        float[][] embedded = await keys.KeysOfAsync(["a", "b", "c"]);

        Assert.Equal(3, embedded.Length);
        Assert.Equal(1, generator.Requests);
        Assert.Equal(keys.KeyOf("b"), embedded[1]);
    }

    [Fact]
    public void AGeneratorThatDoesNotNameItsModel_IsRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => new EmbeddingKeyProvider(new TrigramEmbeddingGenerator(8, modelId: null), 8));
        Assert.Contains("does not name its model", refused.Message);
    }

    [Fact]
    public void AnEmbeddingOfAnotherLength_IsRefused()
    {
        var keys = new EmbeddingKeyProvider(new TrigramEmbeddingGenerator(8, honoursRequestedDimensions: false), 16);

        var refused = Assert.Throws<InvalidOperationException>(() => keys.KeyOf("text"));
        Assert.Contains("an embedding of 8 numbers, not 16", refused.Message);
    }
}
