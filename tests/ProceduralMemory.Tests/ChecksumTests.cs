namespace ProceduralMemory.Tests;

public class ChecksumTests
{
    /// <summary>The textbook bit-at-a-time CRC-32C (reflected polynomial 0x82F63B78).</summary>
    private static uint Scalar(ReadOnlySpan<byte> data)
    {
        uint crc = uint.MaxValue;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }

    [Fact]
    public void Crc32C_OfTheStandardCheckString_IsE3069283() =>
        Assert.Equal(0xE3069283u, Checksum.Crc32C("123456789"u8));

    [Fact]
    public void Crc32C_AgreesWithTheBitwiseDefinition_AtEveryLength()
    {
        var data = new byte[257];
        var rng = new Rng(7);
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)rng.NextUInt64();
        for (int length = 0; length <= 256; length++)
            for (int offset = 0; offset <= 1; offset++)
                Assert.Equal(Scalar(data.AsSpan(offset, length)), Checksum.Crc32C(data.AsSpan(offset, length)));
    }
}
