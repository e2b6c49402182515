using System.Text;
using System.Text.Json;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Tests.Memory.Policies;

public class SkillChainPolicyCodecTests
{
    private static readonly LibraryManifest Manifest = new("grid", ["has_key"], ["left", "forward", "toggle"], 3, 4, "random-projection/v1 seed=7 dim=4 features=3");

    [Fact]
    public void AChain_RoundTripsThroughItsStoredForm_AndReadsAsItsChildren()
    {
        StoredPolicy stored = StoredPolicy.Of(new SkillChainPolicy(["pickup(key)", "open(door)", "reach(goal)"]));

        Assert.Equal("chain", stored.Kind);
        Assert.Equal("3", stored.Shape);
        Assert.Equal(["pickup(key)", "open(door)", "reach(goal)"], ((SkillChainPolicy)stored.ToPolicy()).Children);
        Assert.Equal(("Children", "pickup(key), open(door), reach(goal)"), stored.Codec.Describe(stored.Data, Manifest));
        Assert.Equal("3 skills", stored.Codec.Summary(stored.Data));
    }

    [Fact]
    public void AChain_RoundTripsThroughJson()
    {
        var codec = new SkillChainPolicyCodec();
        byte[] data = codec.Encode(new SkillChainPolicy(["a", "b"]));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            codec.WriteJson(json, data, Manifest);
            json.WriteEndObject();
        }
        using JsonDocument read = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal(data, codec.ReadJson(read.RootElement, "$.policy", Manifest));
    }

    [Fact]
    public void BytesThatAreNoChain_AreRefused()
    {
        var codec = new SkillChainPolicyCodec();
        Assert.Throws<InvalidDataException>(() => codec.Check(Encoding.UTF8.GetBytes("alone")));
        Assert.Throws<InvalidDataException>(() => codec.Check([0xff, 0x0a, 0x41]));
        Assert.Throws<ArgumentException>(() => new SkillChainPolicy(["only"]));
    }
}
