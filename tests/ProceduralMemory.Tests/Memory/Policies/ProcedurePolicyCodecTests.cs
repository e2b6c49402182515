using System.Text;
using System.Text.Json;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Memory.Policies;

public class ProcedurePolicyCodecTests
{
    private static readonly IPolicyCodec Codec = PolicyKinds.Get(ProcedurePolicy.KindName);

    private static readonly LibraryManifest Manifest = new("tool", [], SampleProcedures.Tools, 0, 8, "test");

    [Fact]
    public void TheProcedureKind_IsBuiltIn()
    {
        Assert.IsType<ProcedurePolicyCodec>(Codec);
        Assert.Contains("procedure", PolicyKinds.Names);
    }

    [Fact]
    public void Bytes_RoundTripTheWholeProcedure_ConstantsAndSourcesIncluded()
    {
        Procedure procedure = SampleProcedures.Return();

        byte[] data = Codec.Encode(new ProcedurePolicy(procedure));
        Procedure back = Assert.IsType<ProcedurePolicy>(Codec.Decode(data)).Procedure;

        Assert.Equal(data, ProcedurePolicyCodec.ToBytes(back));
        Assert.Equal(procedure.Purpose, back.Purpose);
        Assert.Equal(["[A-Z][a-z]+"], back.Slots[0].Shapes);
        Assert.Equal(["am", "name"], back.Slots[0].Cues);
        Assert.Equal(new ResultValue(2, "$.items[mentioned:name]"), back.Steps[3].ForEach);
        Assert.Equal(new ElementValue("$.product_id"), back.Steps[3].Arguments[0].Source);
        var any = Assert.IsType<AnyOfValue>(back.Steps[4].Arguments[2].Source);
        Assert.Equal([new ResultValue(2, "$.payment_history[0].payment_method_id"), new ResultValue(1, "$.payment_methods[best].id")], any.Options);
        var constant = Assert.IsType<ConstantValue>(back.Steps[4].Arguments[3].Source);
        Assert.True(JsonElement.DeepEquals(((ConstantValue)procedure.Steps[4].Arguments[3].Source).Value, constant.Value));
        Assert.True(back.Steps[4].ChangesState);
        Assert.Equal(2, back.Demonstrations.Count);
        Assert.True(procedure.Demonstrations[0].Calls[1].SameAs(back.Demonstrations[0].Calls[1]));
    }

    [Fact]
    public void StoredPolicies_OfProcedures_AreChecksummedLikeOpenLoopOnes()
    {
        StoredPolicy stored = StoredPolicy.Of(new ProcedurePolicy(SampleProcedures.Cancel()));

        Assert.Equal("procedure", stored.Kind);
        Assert.Equal("2 steps, 1 slot", stored.Shape);
        Assert.Equal(ProceduralMemory.Checksum.Crc32C(stored.Data), stored.Checksum);
    }

    [Fact]
    public void Summary_IsTheToolChain()
    {
        byte[] data = ProcedurePolicyCodec.ToBytes(SampleProcedures.Return());

        Assert.Equal("find_user_id_by_name_zip → get_user_details → get_order_details → get_product_details → return_delivered_order_items", Codec.Summary(data));
    }

    [Fact]
    public void Describe_ShowsEachStepsArgumentsAndTheirSources_TheSlots_AndAnExample()
    {
        var (field, text) = Codec.Describe(ProcedurePolicyCodec.ToBytes(SampleProcedures.Return()), Manifest);

        Assert.Equal("Procedure", field);
        Assert.Contains("Purpose: return delivered order items", text);
        Assert.Contains("1. find_user_id_by_name_zip", text);
        Assert.Contains("zip ← {zip}", text);
        Assert.Contains("user_id ← step 1 $", text);
        Assert.Contains("4. get_product_details, for each of step 3 $.items[mentioned:name]", text);
        Assert.Contains("product_id ← each $.product_id", text);
        Assert.Contains("5. return_delivered_order_items (changes state)", text);
        Assert.Contains("payment_method_id ← step 3 $.payment_history[0].payment_method_id or step 2 $.payment_methods[best].id", text);
        Assert.Contains("""notify ← {"email":true,"sms":[1,2.5,"x"]}""", text);
        Assert.Contains(@"{zip}: zip; shapes \d{5}; cues zip, code", text);
        Assert.Contains("Demonstrations: 2", text);
        Assert.Contains("e.g. \"Hi, I am Yusuf Rossi, zip 19122.", text);
        Assert.Contains("(tau-retail/train/17)", text);
    }

    [Fact]
    public void Export_RoundTripsThroughThePolicysJson()
    {
        byte[] data = ProcedurePolicyCodec.ToBytes(SampleProcedures.Return());
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("kind", "procedure");
            Codec.WriteJson(json, data, Manifest);
            json.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());

        Assert.Equal("return delivered order items", document.RootElement.GetProperty("procedure").GetProperty("purpose").GetString());
        Assert.Equal("result", document.RootElement.GetProperty("procedure").GetProperty("steps")[1].GetProperty("arguments")[0].GetProperty("source").GetProperty("from").GetString());
        Assert.Equal(data, Codec.ReadJson(document.RootElement, "$.skills[0].policy", Manifest));
    }

    [Fact]
    public void Import_ReadsAHandWrittenProcedure_WhoseSourcesNameTheirKindLast()
    {
        using var document = JsonDocument.Parse("""
            {"procedure": {"purpose": "look up an order", "slots": [{"name": "order_id", "kind": "order-id"}],
             "steps": [{"tool": "get_order_details", "arguments": [{"parameter": "order_id", "source": {"slot": "order_id", "from": "slot"}}], "changes_state": false}],
             "demonstrations": []}}
            """);

        Procedure procedure = ProcedurePolicyCodec.FromBytes(Codec.ReadJson(document.RootElement, "$.skills[0].policy", Manifest));

        Assert.Equal(new SlotValue("order_id"), procedure.Steps[0].Arguments[0].Source);
        Assert.Empty(procedure.Slots[0].Shapes);
    }

    [Theory]
    [InlineData("""{"kind": "procedure"}""", "$.skills[0].policy.procedure is missing")]
    [InlineData("""{"procedure": []}""", "$.skills[0].policy.procedure must be an object")]
    [InlineData("""{"procedure": {"purpose": "x", "slots": [], "steps": [], "demonstrations": []}}""", "$.skills[0].policy.procedure is not a valid procedure: it has no steps")]
    [InlineData("""{"procedure": {"purpose": "x", "slots": [], "demonstrations": []}}""", "$.skills[0].policy.procedure is not a valid procedure:")]
    [InlineData("""{"procedure": {"purpose": "x", "slots": [], "steps": [{"tool": "get_order_details", "arguments": [{"parameter": "order_id", "source": {"from": "slot", "slot": "order"}}], "changes_state": false}], "demonstrations": []}}""",
        "steps[0].arguments[0] (order_id) reads the slot 'order', which the procedure does not have")]
    [InlineData("""{"procedure": {"purpose": "x", "slots": [], "steps": [{"tool": "get_order_details", "arguments": [{"parameter": "order_id", "source": {"from": "result", "step": 0, "path": "$.id"}}], "changes_state": false}], "demonstrations": []}}""",
        "steps[0].arguments[0] (order_id) reads the result of step 1, which is not an earlier step")]
    [InlineData("""{"procedure": {"purpose": "x", "slots": [], "steps": [{"tool": "get_order_details", "arguments": [{"parameter": "order_id", "source": {"from": "guess"}}], "changes_state": false}], "demonstrations": []}}""",
        "$.skills[0].policy.procedure is not a valid procedure:")]
    [InlineData("""{"procedure": {"purpose": "x", "slots": [], "steps": [{"tool": "launch_rocket", "arguments": [], "changes_state": true}], "demonstrations": []}}""",
        "$.skills[0].policy.procedure.steps[0].tool is the unknown tool 'launch_rocket'")]
    [InlineData("""{"procedure": {"purpose": "x", "slots": [], "steps": [{"tool": "get_order_details", "arguments": [], "changes_state": false, "colour": "red"}], "demonstrations": []}}""",
        "$.skills[0].policy.procedure is not a valid procedure:")]
    public void Import_RefusesABadProcedure_NamingWhere(string policy, string expected)
    {
        using var document = JsonDocument.Parse(policy);

        var refused = Assert.Throws<LibraryException>(() => Codec.ReadJson(document.RootElement, "$.skills[0].policy", Manifest));

        Assert.Contains(expected, refused.Message);
    }

    [Fact]
    public void Check_RefusesBytesThatAreNotAProcedure()
    {
        Assert.Throws<InvalidDataException>(() => Codec.Check(Encoding.UTF8.GetBytes("{\"purpose\":")));
        Assert.Throws<InvalidDataException>(() => Codec.Check(Encoding.UTF8.GetBytes("null")));
        Procedure forEachless = SampleProcedures.Cancel() with
        {
            Steps = [new ProcedureStep("get_order_details", [new ArgumentBinding("order_id", new ElementValue("$"))], false)],
        };
        var refused = Assert.Throws<InvalidDataException>(() => Codec.Check(ProcedurePolicyCodec.ToBytes(forEachless)));
        Assert.Contains("not one", refused.Message);
        Procedure badShape = SampleProcedures.Cancel() with { Slots = [new ProcedureSlot("order_id", "order-id") { Shapes = ["#W(\\d"] }] };
        Assert.Contains("not a regular expression", Assert.Throws<InvalidDataException>(() => Codec.Check(ProcedurePolicyCodec.ToBytes(badShape))).Message);
    }

    [Fact]
    public void Encode_RefusesAnotherKindOfPolicy() =>
        Assert.Throws<ArgumentException>(() => Codec.Encode(new OpenLoopPolicy([1])));
}
