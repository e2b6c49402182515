using System.Text.Json;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Memory.Domains;

public class ToolDomainTests
{
    private static string IdentityOf(Procedure procedure) =>
        ToolDomain.Instance.IdentityOf(FactCondition.Always, FactCondition.Always, ProcedurePolicy.KindName, ProcedurePolicyCodec.ToBytes(procedure));

    [Fact]
    public void TheToolDomain_IsBuiltIn()
    {
        Assert.Same(ToolDomain.Instance, SkillDomains.Get("tool"));
    }

    [Fact]
    public void Identity_IgnoresSlotShapesCuesAndDemonstrations()
    {
        Procedure procedure = SampleProcedures.Return();
        Procedure refined = procedure with
        {
            Slots = [.. procedure.Slots.Select(s => s with { Shapes = [@"\w+"], Cues = ["hello"] })],
            Demonstrations = [],
        };

        Assert.Equal(IdentityOf(procedure), IdentityOf(refined));
        Assert.StartsWith("procedure find_user_id_by_name_zip(first_name={first_name:person-name}", IdentityOf(procedure));
    }

    [Fact]
    public void Identity_TellsApartOtherToolsOrders_SourcesPathsAndConstants()
    {
        Procedure cancel = SampleProcedures.Cancel();
        string identity = IdentityOf(cancel);

        Assert.NotEqual(identity, IdentityOf(SampleProcedures.Cancel("ordered by mistake")));
        var otherOrder = cancel with { Steps = [cancel.Steps[1] with { Arguments = [new("order_id", new SlotValue("order_id"))] }, cancel.Steps[0]] };
        var sameOrder = cancel with { Steps = [cancel.Steps[0], cancel.Steps[1] with { Arguments = [new("order_id", new SlotValue("order_id"))] }] };
        Assert.NotEqual(IdentityOf(sameOrder), IdentityOf(otherOrder));
        var byPath = cancel with { Steps = [cancel.Steps[0], cancel.Steps[1] with { Arguments = [new("order_id", new ResultValue(0, "$.id")), cancel.Steps[1].Arguments[1]] }] };
        Assert.NotEqual(identity, IdentityOf(byPath));
        var bySlot = cancel with { Steps = [cancel.Steps[0], cancel.Steps[1] with { Arguments = [new("order_id", new SlotValue("order_id")), cancel.Steps[1].Arguments[1]] }] };
        Assert.NotEqual(identity, IdentityOf(bySlot));
        Assert.Equal(identity, IdentityOf(SampleProcedures.Cancel()));
    }

    [Fact]
    public void Calls_AndResults_RoundTripAsCompactJson()
    {
        var call = ToolCall.Parse("get_order_details", """{ "order_id" : "#W1" , "n": [1, 2] }""");

        byte[] bytes = ToolDomain.Instance.Actions.Encode(call);
        Assert.Equal("""{"name":"get_order_details","arguments":{"order_id":"#W1","n":[1,2]}}""", System.Text.Encoding.UTF8.GetString(bytes));
        Assert.True(call.SameAs(ToolDomain.Instance.Actions.Decode(bytes)));

        var result = ToolResult.Error("order not found");
        Assert.Equal(result, ToolDomain.Instance.Outcomes.Decode(ToolDomain.Instance.Outcomes.Encode(result)));
        Assert.Equal("ünïcode text", ToolDomain.Instance.Observations.Decode(ToolDomain.Instance.Observations.Encode("ünïcode text")));
        Assert.Throws<InvalidDataException>(() => ToolDomain.Instance.Actions.Decode("""{"name":"x"}"""u8));
        Assert.Throws<InvalidDataException>(() => ToolDomain.Instance.Outcomes.Decode("not json"u8));
    }
}
