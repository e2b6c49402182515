using System.Text.Json.Nodes;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Tools.Tau;

public sealed class RetailToolsTests
{
    private readonly TauDatabase database = TauDomains.Retail.Database.Fork();

    private ToolResult Call(string name, string arguments) => TauDomains.Retail.Invoke(database, ToolCall.Parse(name, arguments));

    [Fact]
    public void Invoke_ReturnsErrorForUnknownOrder()
    {
        ToolResult result = Call("get_order_details", """{"order_id":"#W0000000"}""");

        Assert.Equal(new ToolResult("Error: order not found", true), result);
    }

    [Fact]
    public void Invoke_ReturnsUnknownActionForAnUnknownTool() =>
        Assert.Equal(new ToolResult("Unknown action fly", true), Call("fly", "{}"));

    [Fact]
    public void Invoke_ReportsMissingAndUnexpectedArgumentsInPythonsWords()
    {
        Assert.Equal("Error: CancelPendingOrder.invoke() missing 1 required positional argument: 'reason'",
            Call("cancel_pending_order", """{"order_id":"#W6067464"}""").Output);
        Assert.Equal("Error: GetOrderDetails.invoke() got an unexpected keyword argument 'id'",
            Call("get_order_details", """{"order_id":"#W6067464","id":1}""").Output);
    }

    [Fact]
    public void CancelPendingOrder_RejectsAnOrderThatIsNotPending()
    {
        ToolResult result = Call("cancel_pending_order", """{"order_id":"#W6067464","reason":"no longer needed"}""");

        Assert.Equal("Error: non-pending order cannot be cancelled", result.Output);
        Assert.Empty(database.Changed());
    }

    [Fact]
    public void ReturnDeliveredOrderItems_MarksTheOrderAndSortsTheItems()
    {
        ToolResult result = Call("return_delivered_order_items",
            """{"order_id":"#W6067464","item_ids":["9624127908","8917609800"],"payment_method_id":"credit_card_4190576"}""");

        Assert.False(result.IsError, result.Output);
        JsonObject order = database["orders"].Get("#W6067464")!;
        Assert.Equal("return requested", (string?)order["status"]);
        Assert.Equal("""["8917609800","9624127908"]""", order["return_items"]!.ToJsonString());
        Assert.Equal("credit_card_4190576", (string?)order["return_payment_method_id"]);
    }

    [Fact]
    public void Calculate_RoundsToTwoPlacesAsPython()
    {
        Assert.Equal("3.33", Call("calculate", """{"expression":"10 / 3"}""").Output);
        Assert.Equal("597.0", Call("calculate", """{"expression":"(199 * 3)"}""").Output);
        Assert.Equal("Error: invalid characters in expression", Call("calculate", """{"expression":"x + 1"}""").Output);
        Assert.Equal("Error: division by zero", Call("calculate", """{"expression":"1 / 0"}""").Output);
    }
}
