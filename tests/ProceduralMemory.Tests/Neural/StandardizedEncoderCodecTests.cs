using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Neural;

public class StandardizedEncoderCodecTests
{
    private static readonly VariationalEncoderOptions Quick = new() { LatentSize = 3, HiddenSize = 6, Epochs = 5, BatchSize = 4, Seed = 9 };

    private static StandardizedEncoder Trained()
    {
        var rng = new Rng(5);
        // One dimension never varies, so its spread is the fallback 1.
        float[][] samples = [.. Enumerable.Range(0, 24).Select(_ => new[] { (float)rng.NextDouble(), 2f, (float)(3 * rng.NextDouble() - 1), (float)rng.NextDouble() * 1e-20f })];
        return StandardizedEncoder.Train(samples, Quick).Encoder;
    }

    [Fact]
    public void RoundTrip_IsBitExact_SameFingerprintAndKeys()
    {
        StandardizedEncoder encoder = Trained();
        byte[] bytes = StandardizedEncoderCodec.Encode(encoder);

        StandardizedEncoder read = StandardizedEncoderCodec.Decode(bytes);

        Assert.Equal(encoder.Fingerprint, read.Fingerprint);
        Assert.Equal(bytes, StandardizedEncoderCodec.Encode(read));
        Assert.Equal(encoder.Encoder.Options, read.Encoder.Options);
        Assert.Equal(new SituationEncoderKeyProvider(encoder).ModelId, new SituationEncoderKeyProvider(read).ModelId);
        float[] situation = [0.3f, 2f, -0.7f, 5f];
        Assert.Equal(encoder.UnitKey(situation), read.UnitKey(situation));
    }

    [Fact]
    public void EveryFlippedByte_IsRefused()
    {
        byte[] bytes = StandardizedEncoderCodec.Encode(Trained());
        for (int i = 0; i < bytes.Length; i++)
        {
            byte[] damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x10;
            Assert.Throws<InvalidDataException>(() => StandardizedEncoderCodec.Decode(damaged));
        }
    }

    [Fact]
    public void TruncatedOrExtendedBytes_AreRefused()
    {
        byte[] bytes = StandardizedEncoderCodec.Encode(Trained());

        Assert.Throws<InvalidDataException>(() => StandardizedEncoderCodec.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<InvalidDataException>(() => StandardizedEncoderCodec.Decode(bytes.AsSpan(0, 10)));
        Assert.Throws<InvalidDataException>(() => StandardizedEncoderCodec.Decode([.. bytes, 0]));
        Assert.Throws<InvalidDataException>(() => StandardizedEncoderCodec.Decode([]));
    }

    [Fact]
    public void AnotherFormat_IsRefused_EvenWithAValidChecksum()
    {
        byte[] network = new Mlp(3, [4], 2, seed: 1).ToBytes();

        InvalidDataException e = Assert.Throws<InvalidDataException>(() => StandardizedEncoderCodec.Decode(network));
        Assert.Contains("PSEN", e.Message);
    }
}
