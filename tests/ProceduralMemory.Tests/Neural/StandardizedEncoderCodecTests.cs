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
    public void TheSeparationWeight_IsStored_AndVersionOneBytes_StillLoad_AsNoSeparation()
    {
        var rng = new Rng(6);
        float[][] samples = [.. Enumerable.Range(0, 24).Select(_ => new[] { (float)rng.NextDouble(), (float)rng.NextDouble(), (float)rng.NextDouble() })];
        StandardizedEncoder separated = StandardizedEncoder.Train(samples, Quick with { Separation = 2.5f },
            [.. Enumerable.Range(0, 24).Select(i => i % 3 == 0 ? "a" : "b")]).Encoder;
        byte[] bytes = StandardizedEncoderCodec.Encode(separated);
        Assert.Equal(2, BitConverter.ToUInt16(bytes, 4));
        StandardizedEncoder read = StandardizedEncoderCodec.Decode(bytes);
        Assert.Equal(2.5f, read.Encoder.Options.Separation);
        Assert.Equal(separated.Fingerprint, read.Fingerprint);

        // Version 1 is version 2 without the separation weight (the 4 bytes after the seed).
        StandardizedEncoder plain = Trained();
        byte[] current = StandardizedEncoderCodec.Encode(plain);
        const int separationAt = 6 + 32;
        byte[] old = [.. current.AsSpan(0, separationAt), .. current.AsSpan(separationAt + 4, current.Length - separationAt - 8), 0, 0, 0, 0];
        old[4] = 1;
        BitConverter.TryWriteBytes(old.AsSpan(old.Length - 4), Checksum.Crc32C(old.AsSpan(0, old.Length - 4)));
        StandardizedEncoder fromOld = StandardizedEncoderCodec.Decode(old);
        Assert.Equal(plain.Fingerprint, fromOld.Fingerprint);
        Assert.Equal(0f, fromOld.Encoder.Options.Separation);
        Assert.Equal(current, StandardizedEncoderCodec.Encode(fromOld));
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
