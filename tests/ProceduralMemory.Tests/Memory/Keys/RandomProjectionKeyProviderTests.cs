using ProceduralMemory.Memory.Keys;

namespace ProceduralMemory.Tests.Memory.Keys;

public class RandomProjectionKeyProviderTests
{
    [Fact]
    public void ModelId_NamesSeedDimensionAndFeatures_AndRebuildsTheSameProjection()
    {
        var keys = new RandomProjectionKeyProvider(inputSize: 5, dimension: 3, seed: 18446744073709551615);
        float[] features = [0.5f, -1f, 2f, 0f, 0.25f];

        RandomProjectionKeyProvider rebuilt = RandomProjectionKeyProvider.FromModelId(keys.ModelId)!;

        Assert.Equal("random-projection/v1 seed=18446744073709551615 dim=3 features=5", keys.ModelId);
        Assert.Equal(keys.KeyOf(features), rebuilt.KeyOf(features));
    }

    [Theory]
    [InlineData("embedding/v1 provider=x model=y dim=3")]
    [InlineData("random-projection/v1 seed=1 dim=0 features=5")]
    [InlineData("random-projection/v1 seed=01 dim=3 features=5")]
    [InlineData("random-projection/v2 seed=1 dim=3 features=5")]
    public void FromModelId_OfAnotherModel_IsNull(string modelId) => Assert.Null(RandomProjectionKeyProvider.FromModelId(modelId));

    [Fact]
    public void Keys_AreUnitLength_AndDifferBetweenSeeds()
    {
        float[] features = [1f, 2f, 3f, 4f];
        float[] a = new RandomProjectionKeyProvider(4, 8, 1).KeyOf(features), b = new RandomProjectionKeyProvider(4, 8, 2).KeyOf(features);

        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(a), 1e-5f);
        Assert.NotEqual(a, b);
    }
}
