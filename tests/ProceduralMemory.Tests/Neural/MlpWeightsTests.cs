using System.Buffers.Binary;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class MlpWeightsTests
{
    private static Mlp Trained()
    {
        var mlp = new Mlp(5, [6, 4], 3, seed: 20);
        float[] inputs = GradientCheck.RandomFloats(new Rng(21), 3 * 5);
        var adam = new Adam(learningRate: 0.01f);
        for (int i = 0; i < 5; i++)
            mlp.TrainStep(inputs, [0, 1, 2], adam);
        return mlp;
    }

    /// <summary>An independent FNV-1a, so that tests can forge internally consistent bytes.</summary>
    private static void Reseal(byte[] bytes) =>
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(^4..), Checksum.Crc32C(bytes.AsSpan(0, bytes.Length - 4)));

    /// <summary>Rewrites the bytes as format version 1, which ended with a 32-bit FNV-1a instead.</summary>
    private static void ResealAsVersion1(byte[] bytes)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4), 1);
        uint hash = 2166136261;
        foreach (byte b in bytes.AsSpan(0, bytes.Length - 4))
            hash = (hash ^ b) * 16777619;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(^4..), hash);
    }

    [Fact]
    public void FromBytes_StillReadsFormatVersion1()
    {
        MlpWeights weights = Trained().GetWeights();
        byte[] version1 = weights.ToBytes();
        ResealAsVersion1(version1);
        Assert.Equal(weights.Parameters.ToArray(), MlpWeights.FromBytes(version1).Parameters.ToArray());
        version1[^10] ^= 1; // a bit of the last parameters
        Assert.Contains("checksum", Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes(version1)).Message);
    }

    [Fact]
    public void RoundTrip_IsExact_InParametersBytesAndPredictions()
    {
        Mlp original = Trained();
        byte[] bytes = original.ToBytes();
        Mlp copy = Mlp.FromBytes(bytes);
        Assert.Equal(original.Parameters.ToArray(), copy.Parameters.ToArray());
        Assert.Equal(bytes, copy.ToBytes());
        Assert.Equal([5, 6, 4, 3], copy.GetWeights().LayerSizes.ToArray());
        var rng = new Rng(22);
        var a = new float[3];
        var b = new float[3];
        for (int i = 0; i < 50; i++)
        {
            float[] input = GradientCheck.RandomFloats(rng, 5, 3);
            original.Forward(input, a);
            copy.Forward(input, b);
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void Layout_IsLittleEndianWithMagicVersionAndSizes()
    {
        byte[] bytes = new Mlp(2, [3], 4, seed: 1, HiddenActivation.Tanh).ToBytes();
        Assert.Equal("PMLP"u8.ToArray(), bytes[..4]);
        Assert.Equal(MlpWeights.FormatVersion, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((byte)HiddenActivation.Tanh, bytes[6]);
        Assert.Equal(3, bytes[7]);
        Assert.Equal(8 + 3 * 4 + (2 * 3 + 3 + 3 * 4 + 4) * 4 + 4, bytes.Length);
    }

    [Fact]
    public void FromBytes_TruncatedAtAnyLength_Throws()
    {
        byte[] bytes = Trained().ToBytes();
        for (int length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes(bytes.AsSpan(0, length)));
            Assert.StartsWith("Invalid network weights:", error.Message);
        }
        Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes([.. bytes, 0]));
    }

    [Fact]
    public void FromBytes_WithAnyBitFlipped_Throws()
    {
        byte[] bytes = Trained().ToBytes();
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] corrupted = (byte[])bytes.Clone();
            corrupted[i] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes(corrupted));
        }
    }

    [Fact]
    public void FromBytes_ExplainsAnotherVersion_ANonFiniteWeight_AndAnImpossibleShape()
    {
        byte[] bytes = Trained().ToBytes();
        byte[] future = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(future.AsSpan(4), 3);
        Reseal(future);
        Assert.Contains("format version 3", Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes(future)).Message);

        byte[] nan = (byte[])bytes.Clone();
        BinaryPrimitives.WriteSingleLittleEndian(nan.AsSpan(8 + 4 * 4 + 4 * 7), float.NaN);
        Reseal(nan);
        Assert.Contains("finite", Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes(nan)).Message);

        byte[] negative = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(negative.AsSpan(8 + 4), -6);
        Reseal(negative);
        Assert.Contains("positive", Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes(negative)).Message);

        byte[] resized = (byte[])bytes.Clone();
        BinaryPrimitives.WriteInt32LittleEndian(resized.AsSpan(8 + 4), 7);
        Reseal(resized);
        Assert.Contains("need", Assert.Throws<InvalidDataException>(() => MlpWeights.FromBytes(resized)).Message);
    }

    [Fact]
    public void Constructor_RejectsAParameterCountThatDoesNotFitTheSizes_AndNonFiniteValues()
    {
        int[] sizes = [3, 2];
        Assert.Equal(8, MlpWeights.ParameterCount(sizes));
        Assert.Contains("need 8 parameters, got 7", Assert.Throws<ArgumentException>(() => new MlpWeights(sizes, HiddenActivation.Relu, new float[7])).Message);
        float[] infinite = new float[8];
        infinite[5] = float.PositiveInfinity;
        Assert.Throws<ArgumentException>(() => new MlpWeights(sizes, HiddenActivation.Relu, infinite));
        Assert.Throws<ArgumentException>(() => new MlpWeights([3], HiddenActivation.Relu, []));
        Assert.Throws<ArgumentException>(() => new MlpWeights(sizes, (HiddenActivation)9, new float[8]));
    }

    [Fact]
    public void LoadWeights_OfAnotherShape_Throws_AndOfTheSameShape_Copies()
    {
        var target = new Mlp(5, [6, 4], 3, seed: 99);
        Mlp source = Trained();
        target.LoadWeights(source.GetWeights());
        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
        var other = new Mlp(5, [6], 3, seed: 1);
        Assert.Contains("do not fit", Assert.Throws<ArgumentException>(() => target.LoadWeights(other.GetWeights())).Message);
    }
}
