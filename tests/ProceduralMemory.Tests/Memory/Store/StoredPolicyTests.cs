using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Memory.Store;

public class StoredPolicyTests
{
    private static MlpWeights Weights()
    {
        int[] sizes = [4, 3, 2];
        float[] parameters = [.. Enumerable.Range(0, MlpWeights.ParameterCount(sizes)).Select(i => i % 3 == 0 ? -0.0f : MathF.Cos(i) * 1e-30f)];
        return new MlpWeights(sizes, HiddenActivation.Relu, parameters);
    }

    [Fact]
    public void Read_KeepsValidNetworkBytes_WhichEqualTheirReencoding()
    {
        byte[] bytes = Weights().ToBytes();

        StoredPolicy read = StoredPolicy.Read(MlpPolicy.KindName, bytes);

        Assert.Same(bytes, read.Data);
        Assert.Equal(bytes, MlpWeights.FromBytes(read.Data).ToBytes());
        Assert.Equal("4x3x2", read.Shape);
    }

    [Fact]
    public void Read_RefusesNetworkBytesWithAFlippedBit()
    {
        byte[] bytes = Weights().ToBytes();
        bytes[^9] ^= 0x10;

        Assert.Throws<InvalidDataException>(() => StoredPolicy.Read(MlpPolicy.KindName, bytes));
    }
}
