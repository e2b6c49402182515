using System.Text.Json;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Memory.Policies;

public class PolicyKindsTests
{
    private static readonly LibraryManifest Manifest = new("grid", ["has_key"], ["left", "forward", "toggle"], 3, 4, "random-projection/v1 seed=7 dim=4 features=3");

    /// <summary>A policy kind only this test knows: always the same action, stored as one byte.</summary>
    private sealed class ConstantPolicy(int action) : ISkillPolicy
    {
        public string Kind => "constant";
        public int Action => action;
        public int? ChooseAction(Observation observation, int step) => action;
    }

    private sealed class ConstantPolicyCodec : IPolicyCodec
    {
        public string Kind => "constant";
        public byte[] Encode(ISkillPolicy policy) => [(byte)((ConstantPolicy)policy).Action];
        public ISkillPolicy Decode(byte[] data) => new ConstantPolicy(data[0]);
        public string Check(byte[] data) => data.Length == 1 ? "1" : throw new InvalidDataException("one byte expected");
        public uint Checksum(ReadOnlySpan<byte> data) => ProceduralMemory.Checksum.Crc32C(data);
        public string Summary(byte[] data) => "constant";
        public (string Field, string Value) Describe(byte[] data, LibraryManifest manifest) => ("Action", manifest.ActionNames[data[0]]);
        public void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest) => json.WriteString("action", manifest.ActionNames[data[0]]);
        public byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest) =>
            [(byte)manifest.ActionNames.ToList().IndexOf(policy.GetProperty("action").GetString()!)];
    }

    [Fact]
    public void OpenLoopPolicies_AreStoredAsLittleEndianActionIndices_AsBefore()
    {
        StoredPolicy stored = StoredPolicy.Of(new OpenLoopPolicy([1, 258, 2]));

        Assert.Equal("open-loop", stored.Kind);
        Assert.Equal(Convert.FromHexString("010000000201000002000000"), stored.Data);
        Assert.Equal("3", stored.Shape);
        Assert.Equal(Checksum.Crc32C(stored.Data), PolicyChecksum.Of("open-loop", stored.Data));
        Assert.Equal([1, 258, 2], ((OpenLoopPolicy)stored.ToPolicy()).Actions);
    }

    [Fact]
    public void MlpPolicies_AreStoredAsTheirWeightsFormat_WithItsOwnChecksum()
    {
        var weights = new MlpWeights([3, 2, 3], HiddenActivation.Tanh, Enumerable.Range(0, 17).Select(i => i * 0.25f - 2).ToArray());

        StoredPolicy stored = StoredPolicy.Of(new MlpPolicy(Mlp.FromWeights(weights)));

        Assert.Equal(weights.ToBytes(), stored.Data);
        Assert.Equal("3x2x3", stored.Shape);
        Assert.Equal(BitConverter.ToUInt32(stored.Data, stored.Data.Length - 4), PolicyChecksum.Of("mlp", stored.Data));
        Assert.Equal(stored.Data, StoredPolicy.Of(stored.ToPolicy()).Data);
    }

    [Fact]
    public void AnUnknownKind_IsRefusedWithTheKnownKinds()
    {
        var read = Assert.Throws<InvalidDataException>(() => StoredPolicy.Read("decision-tree", [1, 2, 3, 4]));
        Assert.Contains("'decision-tree' is not registered", read.Message);
        Assert.Contains("mlp", read.Message);
        Assert.Contains("open-loop", read.Message);
        Assert.Throws<LibraryException>(() => PolicyKinds.Get("decision-tree"));
    }

    [Fact]
    public void ARegisteredKind_IsStoredAndExportedThroughItsCodec()
    {
        PolicyKinds.Register(new ConstantPolicyCodec());
        StoredPolicy stored = StoredPolicy.Of(new ConstantPolicy(2));
        var skill = new SkillRecord
        {
            Id = 0, Name = "always_toggle", Preconditions = FactCondition.Always, Effect = new FactCondition(1, 1),
            Policy = stored, Key = [1, 0, 0, 0], StepLimit = 3,
        };

        using var stream = new MemoryStream();
        LibraryJson.Write(stream, new LibraryDocument(Manifest, 1, [new NewSkill(skill, [])]));
        Assert.Contains("\"action\": \"toggle\"", System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        stream.Position = 0;
        SkillRecord read = LibraryJson.Read(stream).Skills.Single().Skill;

        Assert.Equal("constant", read.Policy.Kind);
        Assert.Equal(2, ((ConstantPolicy)read.ToSkill().Policy).Action);
    }

    [Fact]
    public void AKindName_CannotBeTakenByAnotherCodec()
    {
        Assert.Throws<ArgumentException>(() => PolicyKinds.Register(new ReusedNameCodec()));
        Assert.IsType<MlpPolicyCodec>(PolicyKinds.Get("mlp"));
    }

    private sealed class ReusedNameCodec : IPolicyCodec
    {
        private readonly OpenLoopPolicyCodec _inner = new();
        public string Kind => "mlp";
        public byte[] Encode(ISkillPolicy policy) => _inner.Encode(policy);
        public ISkillPolicy Decode(byte[] data) => _inner.Decode(data);
        public string Check(byte[] data) => _inner.Check(data);
        public uint Checksum(ReadOnlySpan<byte> data) => _inner.Checksum(data);
        public string Summary(byte[] data) => _inner.Summary(data);
        public (string Field, string Value) Describe(byte[] data, LibraryManifest manifest) => _inner.Describe(data, manifest);
        public void WriteJson(Utf8JsonWriter json, byte[] data, LibraryManifest manifest) => _inner.WriteJson(json, data, manifest);
        public byte[] ReadJson(JsonElement policy, string path, LibraryManifest manifest) => _inner.ReadJson(policy, path, manifest);
    }
}
