using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Memory.Store;

public class LibraryJsonTests
{
    private static readonly LibraryManifest Manifest = new("grid", ["has_key", "door_open"], ["left", "forward", "toggle"], 3, 4, $"random-projection/v1 seed={ulong.MaxValue} dim=4 features=3");

    private static LibraryDocument Sample()
    {
        float[] awkward = [-0.0f, float.Epsilon, float.MaxValue, 1e-38f];
        var network = new MlpWeights([3, 2, 3], HiddenActivation.Tanh, Enumerable.Range(0, 17).Select(i => MathF.PI * i - 7).ToArray());
        var step = new AgentStep(State: -(1L << 60) - 5, Facts: 0b01, Features: [0.1f, -0f, 3e-39f], Action: 2, Reward: 0.125, NextFacts: 0b11);
        SkillRecord neural = new()
        {
            Id = 0, Name = "achieve_door_open", Preconditions = new FactCondition(0b11, 0b01), Effect = new FactCondition(0b10, 0b10),
            Policy = MlpPolicyCodec.Store(network), Key = awkward, StepLimit = 12, Uses = 9, Successes = 7, Demonstrations = 11, CreatedEpisode = 3,
        };
        SkillRecord openLoop = neural with
        {
            Id = 4, Name = "replay", Preconditions = FactCondition.Always, Policy = OpenLoopPolicyCodec.Store([1, 1, 2]), Key = [1, 0, 0, 0],
        };
        return new LibraryDocument(Manifest, 42, [new NewSkill(neural, [[step, step with { Action = 0 }]]), new NewSkill(openLoop, []),
            new NewSkill(neural with { Id = 5, Name = "achieve_door_open#2", Variant = "context 1" }, [])]); // a variant beside its original
    }

    private static LibraryDocument RoundTrip(LibraryDocument document)
    {
        using var stream = new MemoryStream();
        LibraryJson.Write(stream, document);
        stream.Position = 0;
        return LibraryJson.Read(stream);
    }

    [Fact]
    public void WriteThenRead_GivesEveryFieldBackBitForBit()
    {
        LibraryDocument original = Sample(), read = RoundTrip(original);

        Assert.Equal(original.Manifest, read.Manifest);
        Assert.Equal(original.Episodes, read.Episodes);
        Assert.Equal(original.Skills.Count, read.Skills.Count);
        foreach (var (a, b) in original.Skills.Zip(read.Skills))
        {
            Assert.Equal(a.Skill with { Policy = null!, Key = null! }, b.Skill with { Policy = null!, Key = null! });
            Assert.Equal(a.Skill.Key.Select(BitConverter.SingleToInt32Bits), b.Skill.Key.Select(BitConverter.SingleToInt32Bits));
            Assert.Equal(a.Skill.Policy.Data, b.Skill.Policy.Data);
            Assert.Equal(a.Demonstrations.Count, b.Demonstrations.Count);
            foreach (var (x, y) in a.Demonstrations.SelectMany(d => d).Zip(b.Demonstrations.SelectMany(d => d)))
            {
                Assert.Equal(x with { Features = [] }, y with { Features = [] });
                Assert.Equal(x.Features.Select(BitConverter.SingleToInt32Bits), y.Features.Select(BitConverter.SingleToInt32Bits));
            }
        }
    }

    [Fact]
    public void Read_OfAnOpenLoopPolicyWithAnUnknownAction_NamesItsPath()
    {
        using var stream = new MemoryStream();
        LibraryJson.Write(stream, Sample());
        var document = System.Text.Json.Nodes.JsonNode.Parse(stream.ToArray())!;
        document["skills"]![1]!["policy"]!["actions"]![0] = "jump";
        string json = document.ToJsonString();

        var e = Assert.Throws<LibraryException>(() => LibraryJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Equal("$.skills[1].policy.actions[0] is the unknown action 'jump'", e.Message);
    }

    [Fact]
    public void Read_OfAStepWrittenWithAPose_GivesThePosesStateKey()
    {
        using var stream = new MemoryStream();
        LibraryJson.Write(stream, Sample());
        var document = System.Text.Json.Nodes.JsonNode.Parse(stream.ToArray())!;
        var step = document["skills"]![0]!["kept_demonstrations"]![0]![0]!.AsObject();
        Assert.True(step.Remove("state"));
        (step["x"], step["y"], step["direction"]) = (-2, 5, 3);

        LibraryDocument read = LibraryJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString())));

        AgentStep first = read.Skills[0].Demonstrations[0][0];
        Assert.Equal(new ProceduralMemory.Agents.Perception.AgentPose(-2, 5, 3).Key(first.Facts), first.State);
        Assert.Equal(Sample().Skills[0].Demonstrations[0][1].State, read.Skills[0].Demonstrations[0][1].State);
    }

    [Fact]
    public void Write_PutsTheStateKeyAsText_SoThatNoReaderRoundsIt()
    {
        using var stream = new MemoryStream();
        LibraryJson.Write(stream, Sample());
        var document = System.Text.Json.Nodes.JsonNode.Parse(stream.ToArray())!;

        Assert.Equal((-(1L << 60) - 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
            document["skills"]![0]!["kept_demonstrations"]![0]![0]!["state"]!.GetValue<string>());
    }

    private static LibraryDocument WithContexts() => Sample() with
    {
        Contexts = new ContextState
        {
            Contexts = [new StoredContext(0, [-0.0f, float.Epsilon, 0.6f, -0.8f], 8, 0.5f), new StoredContext(1, [1, 0, 0, 0], 8, 0.5f)],
            Counts = [new ContextCount(0, 0, 7, 6), new ContextCount(0, 1, 2, 1), new ContextCount(5, 1, 3, 0)],
            Splits = [new StoredSplit(0, 1, 5, 40, "succeeded 1 of 12 uses in context 1"), new StoredSplit(4, 0, null, 41, "no variant")],
        },
    };

    private static LibraryDocument ReadJson(System.Text.Json.Nodes.JsonNode document) =>
        LibraryJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString())));

    [Fact]
    public void ThePerContextState_RoundTripsBitForBit_AndWritingItAgainGivesTheSameBytes()
    {
        using var first = new MemoryStream();
        LibraryJson.Write(first, WithContexts());
        LibraryDocument read = LibraryJson.Read(new MemoryStream(first.ToArray()));
        using var second = new MemoryStream();
        LibraryJson.Write(second, read);

        Assert.Equal(first.ToArray(), second.ToArray());
        ContextState expected = WithContexts().Contexts!, actual = read.ContextsOrEmpty;
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.Splits, actual.Splits);
        Assert.Equal(expected.Contexts.Select(c => c with { Centroid = [] }), actual.Contexts.Select(c => c with { Centroid = [] }));
        Assert.Equal(expected.Contexts.SelectMany(c => c.Centroid).Select(BitConverter.SingleToInt32Bits), actual.Contexts.SelectMany(c => c.Centroid).Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(3, System.Text.Json.Nodes.JsonNode.Parse(first.ToArray())!["version"]!.GetValue<int>());
    }

    [Fact]
    public void ADocumentWithoutPerContextState_HasNoContextsMember_AndReadsAsEmpty()
    {
        using var stream = new MemoryStream();
        LibraryJson.Write(stream, Sample());
        var document = System.Text.Json.Nodes.JsonNode.Parse(stream.ToArray())!;

        Assert.Null(document["contexts"]);
        Assert.True(ReadJson(document).ContextsOrEmpty.IsEmpty);
        document["version"] = 2;
        Assert.True(ReadJson(document).ContextsOrEmpty.IsEmpty);
    }

    [Theory]
    [InlineData("number", "$.contexts.founded[1].number is 2; contexts are numbered in founding order, so this one is 1")]
    [InlineData("centroid", "$.contexts.founded[0].centroid has 2 numbers; the library's need 4")]
    [InlineData("similarity", "$.contexts.founded[0].similarity is 2; a cosine similarity lies in [-1, 1]")]
    [InlineData("count-skill", "$.contexts.counts[0].skill is 9, not the id of a skill in $.skills")]
    [InlineData("count-context", "$.contexts.counts[0].context is 2; only 2 contexts were founded")]
    [InlineData("count-successes", "$.contexts.counts[0].successes is 8, more than the 7 uses")]
    [InlineData("count-twice", "$.contexts.counts[1] counts skill 0 in context 0 a second time")]
    [InlineData("split-variant", "$.contexts.splits[0].variant is 3, not the id of a skill in $.skills")]
    [InlineData("split-reason", "$.contexts.splits[0].reason is empty; a split says why")]
    public void Read_OfBadPerContextState_NamesItsPath(string breakage, string expected)
    {
        using var stream = new MemoryStream();
        LibraryJson.Write(stream, WithContexts());
        var document = System.Text.Json.Nodes.JsonNode.Parse(stream.ToArray())!;
        var contexts = document["contexts"]!;
        switch (breakage)
        {
            case "number": contexts["founded"]![1]!["number"] = 2; break;
            case "centroid": contexts["founded"]![0]!["centroid"] = new System.Text.Json.Nodes.JsonArray(1, 0); break;
            case "similarity": contexts["founded"]![0]!["similarity"] = 2; break;
            case "count-skill": contexts["counts"]![0]!["skill"] = 9; break;
            case "count-context": contexts["counts"]![0]!["context"] = 2; break;
            case "count-successes": contexts["counts"]![0]!["successes"] = 8; break;
            case "count-twice": contexts["counts"]![1]!["context"] = 0; break;
            case "split-variant": contexts["splits"]![0]!["variant"] = 3; break;
            case "split-reason": contexts["splits"]![0]!["reason"] = " "; break;
        }

        Assert.Equal(expected, Assert.Throws<LibraryException>(() => ReadJson(document)).Message);
    }
}
