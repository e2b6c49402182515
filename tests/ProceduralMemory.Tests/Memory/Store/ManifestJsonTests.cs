using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Tests.Memory.Store;

public class ManifestJsonTests
{
    private static readonly LibraryManifest Grid = new("grid", ["has_key", "door_open"], ["left", "forward"], 71, 32,
        "random-projection/v1 seed=3837845083 dim=32 features=71");

    [Fact]
    public void AManifestWrittenBeforeDomains_ReadsAsTheGridWithItsSeedsRandomProjection()
    {
        const string old = """{"facts":["has_key","door_open"],"actions":["left","forward"],"featureCount":71,"embeddingDimension":32,"encoderSeed":3837845083}""";

        Assert.Equal(Grid, ManifestJson.Read(old));
        Assert.Equal("grid", ManifestJson.Read(old).Domain);
    }

    [Fact]
    public void WriteThenRead_GivesTheManifestBack()
    {
        var tools = Grid with { Domain = "tool-call", KeyModel = "embedding/v1 provider=p model=m dim=32" };

        string text = ManifestJson.Write(tools);

        Assert.Contains("\"domain\":\"tool-call\"", text);
        Assert.Equal(tools, ManifestJson.Read(text));
        Assert.Equal("tool-call", ManifestJson.Read(text).Domain);
    }

    [Fact]
    public void Incompatibility_NamesTheDomainFirst_AndKeysAreComparedApart()
    {
        Assert.Equal("its domain is 'grid', not 'tool-call'", Grid.IncompatibilityWith(Grid with { Domain = "tool-call", FeatureCount = 3 }));
        Assert.Null(Grid.IncompatibilityWith(Grid with { KeyModel = "other" }));
        Assert.Contains("another key model (other, dimension 32", Grid.KeyMismatchWith(Grid with { KeyModel = "other" }));
        Assert.NotEqual(Grid, Grid with { KeyModel = "other" });
    }

    [Fact]
    public void MoreThan64Facts_AreRefused_NotTruncated()
    {
        var tooMany = Grid with { FactNames = [.. Enumerable.Range(0, 65).Select(i => $"fact_{i}")] };

        Assert.Throws<ArgumentOutOfRangeException>(() => ManifestJson.Write(tooMany));
        var refused = Assert.Throws<ArgumentException>(() => new ProceduralMemory.Environments.FactSchema(tooMany.FactNames));
        Assert.Contains("at most 64 facts", refused.Message);
    }
}
