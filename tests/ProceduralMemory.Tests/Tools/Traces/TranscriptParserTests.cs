using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Tools.Traces;

public sealed class TranscriptParserTests
{
    // As an agent framework logs a chat with the OpenAI API: arguments are a JSON-encoded string, results come back
    // in "tool" messages that name the call they answer.
    private const string CancelTranscript = """
        {"id": "chat-7", "success": true, "messages": [{"role": "system", "content": "You are a retail agent."}, {"role": "user", "content": "Cancel order #W1, I no longer need it."}, {"role": "assistant", "content": null, "tool_calls": [{"id": "call_a", "type": "function", "function": {"name": "get_order_details", "arguments": "{\"order_id\": \"#W1\"}"}}]}, {"role": "tool", "tool_call_id": "call_a", "content": "{\"status\": \"pending\"}"}, {"role": "assistant", "content": "Shall I cancel it?"}, {"role": "user", "content": "Yes."}, {"role": "assistant", "tool_calls": [{"id": "call_b", "type": "function", "function": {"name": "cancel_pending_order", "arguments": "{\"order_id\": \"#W1\", \"reason\": \"no longer needed\"}"}}]}, {"role": "tool", "tool_call_id": "call_b", "content": "{\"status\": \"cancelled\"}"}, {"role": "assistant", "content": "Done."}]}
        """;

    [Fact]
    public void Read_TakesTheUserMessagesAsTheInstructionAndTheToolCallsInOrder()
    {
        var demonstration = TraceFiles.Read(CancelTranscript).Single().Demonstration;

        Assert.Equal("chat-7", demonstration.Source);
        Assert.Equal("Cancel order #W1, I no longer need it.\nYes.", demonstration.Instruction);
        Assert.Equal(2, demonstration.Calls.Count);
        Assert.True(demonstration.Calls[0].SameAs(ToolCall.Parse("get_order_details", """{"order_id": "#W1"}""")));
        Assert.True(demonstration.Calls[1].SameAs(ToolCall.Parse("cancel_pending_order", """{"order_id": "#W1", "reason": "no longer needed"}""")));
    }

    [Fact]
    public void Read_MatchesToolMessagesToTheirCallsById()
    {
        var record = TraceFiles.Read(CancelTranscript).Single();

        Assert.Equal(true, record.Success);
        Assert.NotNull(record.Trajectory);
        Assert.Equal(["{\"status\": \"pending\"}", "{\"status\": \"cancelled\"}"], record.Trajectory.Steps.Select(s => s.Result.Output));
    }

    [Fact]
    public void Read_MatchesResultsOfParallelCallsAnsweredOutOfOrder()
    {
        var line = """
            [{"role": "user", "content": "Look up orders #W1 and #W2."}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get_order_details", "arguments": "{\"order_id\": \"#W1\"}"}}, {"id": "c2", "type": "function", "function": {"name": "get_order_details", "arguments": "{\"order_id\": \"#W2\"}"}}]}, {"role": "tool", "tool_call_id": "c2", "content": "second"}, {"role": "tool", "tool_call_id": "c1", "content": "first"}]
            """;

        var record = TraceFiles.Read(line).Single();

        Assert.Equal(["first", "second"], record.Trajectory!.Steps.Select(s => s.Result.Output));
        Assert.Null(record.Success);
        Assert.Equal("traces.jsonl:1", record.Demonstration.Source);
    }

    [Fact]
    public void Read_AcceptsContentPartsAndDecodedArguments()
    {
        var line = """
            {"messages": [{"role": "user", "content": [{"type": "text", "text": "Find user "}, {"type": "image_url", "image_url": {"url": "x"}}, {"type": "text", "text": "by email a@b.c"}]}, {"role": "assistant", "tool_calls": [{"id": "c1", "function": {"name": "find_user_id_by_email", "arguments": {"email": "a@b.c"}}}]}]}
            """;

        var record = TraceFiles.Read(line).Single();

        Assert.Equal("Find user by email a@b.c", record.Demonstration.Instruction);
        Assert.True(record.Demonstration.Calls.Single().SameAs(ToolCall.Parse("find_user_id_by_email", """{"email": "a@b.c"}""")));
        Assert.Null(record.Trajectory);
    }

    [Fact]
    public void Read_RejectsAToolResultWithoutAMatchingCallId()
    {
        var line = CancelTranscript.Replace("\"tool_call_id\": \"call_b\"", "\"tool_call_id\": \"call_z\"");

        Assert.Equal("traces.jsonl:1: $.messages[7].tool_call_id: no earlier tool call has id \"call_z\"", TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsASecondResultForOneCall()
    {
        var line = CancelTranscript.Replace("\"tool_call_id\": \"call_b\"", "\"tool_call_id\": \"call_a\"");

        Assert.Equal("traces.jsonl:1: $.messages[7].tool_call_id: tool call \"call_a\" already has a result", TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsAnUnknownToolAtItsName()
    {
        var line = CancelTranscript.Replace("\"name\": \"cancel_pending_order\"", "\"name\": \"cancel_order\"");

        Assert.Equal("traces.jsonl:1: $.messages[6].tool_calls[0].function.name: unknown tool \"cancel_order\"", TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsAnArgumentThatBreaksTheSchemaAtItsPathInsideTheArgumentsString()
    {
        var line = CancelTranscript.Replace("\\\"reason\\\": \\\"no longer needed\\\"", "\\\"reason\\\": \\\"bored\\\"");

        Assert.Equal(
            "traces.jsonl:1: $.messages[6].tool_calls[0].function.arguments.reason: \"bored\" is not one of \"no longer needed\", \"ordered by mistake\"",
            TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsATranscriptWithoutAUserMessage()
    {
        var line = """{"messages": [{"role": "system", "content": "hi"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "think", "arguments": "{\"thought\": \"a\"}"}}]}]}""";

        Assert.Equal("traces.jsonl:1: $.messages: no user message with text, so there is no instruction", TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsATranscriptWithoutToolCalls()
    {
        var line = """[{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]""";

        Assert.Equal("traces.jsonl:1: $: no assistant tool calls, so there is nothing to learn from", TraceFiles.Error(line));
    }

    [Theory]
    [InlineData("""{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "think", "arguments": "{thought"}}]}""", "$.messages[1].tool_calls[0].function.arguments", "the arguments string is not valid JSON: ")]
    [InlineData("""{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "think", "arguments": "{\"thought\": \"\\udc00\"}"}}]}""", "$.messages[1].tool_calls[0].function.arguments.thought", "the text holds an unpaired surrogate escape")]
    [InlineData("""{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "think", "arguments": "[1]"}}]}""", "$.messages[1].tool_calls[0].function.arguments", "the arguments string holds an array, expected an object")]
    [InlineData("""{"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "think"}}]}""", "$.messages[1].tool_calls[0].function", "missing required property \"arguments\"")]
    [InlineData("""{"role": "assistant", "tool_calls": [{"type": "function", "function": {"name": "think", "arguments": "{}"}}]}""", "$.messages[1].tool_calls[0]", "missing required property \"id\"")]
    [InlineData("""{"role": "assistant", "tool_calls": [{"id": "c1", "type": "retrieval", "function": {"name": "think", "arguments": "{}"}}]}""", "$.messages[1].tool_calls[0].type", "expected \"function\", got \"retrieval\"")]
    [InlineData("""{"role": "robot", "content": "x"}""", "$.messages[1].role", "unknown role \"robot\" (expected system, developer, user, assistant, tool)")]
    [InlineData("""{"content": "x"}""", "$.messages[1]", "missing required property \"role\"")]
    [InlineData("""{"role": "user"}""", "$.messages[1]", "missing required property \"content\"")]
    public void Read_RejectsAMalformedMessageAtTheJsonPath(string message, string path, string reason)
    {
        var line = $$"""{"messages": [{"role": "user", "content": "go"}, {{message}}]}""";

        Assert.StartsWith($"traces.jsonl:1: {path}: {reason}", TraceFiles.Error(line));
    }

    [Fact]
    public void Read_RejectsATwiceUsedCallId()
    {
        var line = CancelTranscript.Replace("\"id\": \"call_b\"", "\"id\": \"call_a\"");

        Assert.Equal("traces.jsonl:1: $.messages[6].tool_calls[0].id: tool call id \"call_a\" is used twice", TraceFiles.Error(line));
    }
}
