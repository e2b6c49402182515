using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Tools.Traces;

public sealed class ProcmemTraceParserTests
{
    private const string ReturnLine = """
        {"id": "ret-1", "instruction": "Return the keyboard from order #W2378156 to my credit card.", "success": true, "calls": [{"name": "get_order_details", "arguments": {"order_id": "#W2378156"}, "result": "{\"status\": \"delivered\"}"}, {"name": "return_delivered_order_items", "arguments": {"order_id": "#W2378156", "item_ids": ["4602305039"], "payment_method_id": "credit_card_9513926"}, "result": "Error: payment method not found"}]}
        """;

    private const string CancelLine = """
        {"instruction": "Cancel order #W1 please.", "calls": [{"name": "cancel_pending_order", "arguments": {"order_id": "#W1", "reason": "no longer needed"}}]}
        """;

    [Fact]
    public void Read_GivesEachLinesInstructionAndCalls()
    {
        var records = TraceFiles.Read(ReturnLine, "", CancelLine);

        Assert.Equal(2, records.Count);
        var first = records[0].Demonstration;
        Assert.Equal("ret-1", first.Source);
        Assert.Equal("Return the keyboard from order #W2378156 to my credit card.", first.Instruction);
        Assert.Equal(["get_order_details", "return_delivered_order_items"], first.Calls.Select(c => c.Name));
        Assert.True(first.Calls[1].SameAs(ToolCall.Parse("return_delivered_order_items",
            """{"order_id": "#W2378156", "item_ids": ["4602305039"], "payment_method_id": "credit_card_9513926"}""")));
        var second = records[1].Demonstration;
        Assert.Equal("Cancel order #W1 please.", second.Instruction);
        Assert.True(second.Calls.Single().SameAs(ToolCall.Parse("cancel_pending_order", """{"order_id": "#W1", "reason": "no longer needed"}""")));
    }

    [Fact]
    public void Read_NamesALineWithoutAnIdByFileAndLine() =>
        Assert.Equal("traces.jsonl:3", TraceFiles.Read(ReturnLine, "  ", CancelLine)[1].Demonstration.Source);

    [Fact]
    public void Read_GivesATrajectoryWhenEveryCallHasAResult()
    {
        var record = TraceFiles.Read(ReturnLine).Single();

        Assert.NotNull(record.Trajectory);
        Assert.Equal(record.Demonstration.Instruction, record.Trajectory.Instruction);
        Assert.Equal(true, record.Trajectory.Success);
        Assert.Equal(new ToolResult("{\"status\": \"delivered\"}", false), record.Trajectory.Steps[0].Result);
        Assert.Equal(new ToolResult("Error: payment method not found", true), record.Trajectory.Steps[1].Result);
    }

    [Fact]
    public void Read_GivesNoTrajectoryWhenACallHasNoResult() =>
        Assert.Null(TraceFiles.Read(CancelLine).Single().Trajectory);

    [Fact]
    public void Read_TakesSuccessAsGivenAndTrueWhenAbsent()
    {
        var failed = CancelLine.Replace("\"calls\"", "\"success\": false, \"calls\"");

        Assert.Equal([true, false], TraceFiles.Read(CancelLine, failed).Select(r => r.Success));
    }

    [Theory]
    [InlineData("""{"calls": []}""", "$", "missing required property \"instruction\"")]
    [InlineData("""{"instruction": 5, "calls": []}""", "$.instruction", "expected a string, got a number")]
    [InlineData("""{"instruction": " ", "calls": []}""", "$.instruction", "the instruction is empty")]
    [InlineData("""{"instruction": "x"}""", "$", "missing required property \"calls\"")]
    [InlineData("""{"instruction": "x", "calls": []}""", "$.calls", "a demonstration needs at least one call")]
    [InlineData("""{"instruction": "x", "calls": [{"name": "think"}]}""", "$.calls[0]", "missing required property \"arguments\"")]
    [InlineData("""{"instruction": "x", "calls": [{"name": "think", "arguments": "{}"}]}""", "$.calls[0].arguments", "expected an object, got a string")]
    [InlineData("""{"instruction": "x", "calls": [{"name": "think", "arguments": {"thought": "a"}, "result": {}}]}""", "$.calls[0].result", "expected a string, got an object")]
    [InlineData("""{"instruction": "x", "sucess": true, "calls": []}""", "$.sucess", "unknown property \"sucess\" (expected instruction, calls, success, id)")]
    [InlineData("""{"instruction": "x", "success": "yes", "calls": [{"name": "think", "arguments": {"thought": "a"}}]}""", "$.success", "expected a boolean, got a string")]
    [InlineData("""{"instruction": "x", "id": "", "calls": [{"name": "think", "arguments": {"thought": "a"}}]}""", "$.id", "the id is empty")]
    public void Read_RejectsAMalformedLineAtTheJsonPath(string line, string path, string reason) =>
        Assert.Equal($"traces.jsonl:1: {path}: {reason}", TraceFiles.Error(TraceFormat.Procmem, line));

    [Fact]
    public void Read_RejectsAnUnknownToolAtItsName()
    {
        var line = """{"instruction": "x", "calls": [{"name": "think", "arguments": {"thought": "a"}}, {"name": "refund_order", "arguments": {}}]}""";

        Assert.Equal("traces.jsonl:1: $.calls[1].name: unknown tool \"refund_order\"", TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsAnArgumentThatBreaksTheSchemaAtItsPath()
    {
        var line = ReturnLine.Replace("[\"4602305039\"]", "[\"4602305039\", 4602305040]");

        Assert.Equal("traces.jsonl:1: $.calls[1].arguments.item_ids[1]: expected a string, got a number", TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsAMissingRequiredArgumentAtTheArguments()
    {
        var line = """{"instruction": "x", "calls": [{"name": "get_order_details", "arguments": {}}]}""";

        Assert.Equal("traces.jsonl:1: $.calls[0].arguments: missing required property \"order_id\"", TraceFiles.Error(line));
    }
}
