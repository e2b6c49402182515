using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Tools.Traces;

public sealed class TraceReaderTests
{
    private const string ProcmemLine = """{"instruction": "Look up order #W1.", "calls": [{"name": "get_order_details", "arguments": {"order_id": "#W1"}}]}""";

    private const string TranscriptLine = """{"messages": [{"role": "user", "content": "Look up order #W2."}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get_order_details", "arguments": "{\"order_id\": \"#W2\"}"}}]}]}""";

    private const string BareTranscriptLine = """[{"role": "user", "content": "Look up order #W3."}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "get_order_details", "arguments": "{\"order_id\": \"#W3\"}"}}]}]""";

    [Fact]
    public void Read_DetectsEachLinesFormat()
    {
        var records = TraceFiles.Read(ProcmemLine, TranscriptLine, BareTranscriptLine);

        Assert.Equal(["Look up order #W1.", "Look up order #W2.", "Look up order #W3."], records.Select(r => r.Demonstration.Instruction));
        // A procmem line says whether it succeeded (true by default); a transcript without "success" does not.
        Assert.Equal([true, null, null], records.Select(r => r.Success));
    }

    [Fact]
    public void Read_RejectsALineOfNeitherFormat() =>
        Assert.Equal(
            "traces.jsonl:2: $: cannot tell the format: expected an object with \"instruction\" (procmem trace) or \"messages\" (transcript), or an array of messages, got an object",
            TraceFiles.Error(ProcmemLine, """{"calls": []}"""));

    [Fact]
    public void Read_InAGivenFormatRejectsALineOfTheOther()
    {
        Assert.Equal(
            "traces.jsonl:1: $.messages: unknown property \"messages\" (expected instruction, calls, success, id)",
            TraceFiles.Error(TraceFormat.Procmem, TranscriptLine));
        Assert.Equal("traces.jsonl:1: $: missing required property \"messages\"", TraceFiles.Error(TraceFormat.Transcript, ProcmemLine));
        Assert.Equal("traces.jsonl:1: $: expected an object with \"messages\" or an array of messages, got a string", TraceFiles.Error(TraceFormat.Transcript, "\"hi\""));
    }

    [Fact]
    public void Read_RejectsMalformedJsonAtItsLine()
    {
        var message = TraceFiles.Error(ProcmemLine, """{"instruction": "x", "calls": [""");

        Assert.StartsWith("traces.jsonl:2: $: not valid JSON: ", message);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Read_RejectsARepeatedProperty() =>
        Assert.StartsWith(
            "traces.jsonl:1: $: not valid JSON: ",
            TraceFiles.Error("""{"instruction": "a", "instruction": "b", "calls": [{"name": "think", "arguments": {"thought": "a"}}]}"""));

    [Fact]
    public void Read_RejectsALoneSurrogateEscapeAtItsPath() =>
        Assert.Equal(
            "traces.jsonl:1: $.calls[0].arguments.thought: " + TraceLine.BrokenStringReason,
            TraceFiles.Error("""{"instruction": "x", "calls": [{"name": "think", "arguments": {"thought": "a\ud800"}}]}"""));

    [Fact]
    public void Read_RejectsAnEmptyFile()
    {
        Assert.Equal("traces.jsonl: $: the file holds no demonstrations", TraceFiles.Error());
        Assert.Equal("traces.jsonl: $: the file holds no demonstrations", TraceFiles.Error("", "   "));
    }

    [Fact]
    public void Read_IsAllOrNothing()
    {
        var bad = ProcmemLine.Replace("get_order_details", "get_order");
        var records = (IReadOnlyList<TraceRecord>?)null;

        var error = Assert.Throws<TraceFormatException>(() => records = TraceFiles.Read(ProcmemLine, TranscriptLine, bad, ProcmemLine));

        Assert.Null(records);
        Assert.Equal("traces.jsonl:3", error.Location);
        Assert.Equal("$.calls[0].name", error.JsonPath);
        Assert.Equal("unknown tool \"get_order\"", error.Reason);
        Assert.Equal(2, TraceFiles.Read(ProcmemLine, TranscriptLine).Count);
    }

    [Fact]
    public void Read_FromAReaderNamesLinesByTheGivenName()
    {
        using var reader = new StringReader("\n" + ProcmemLine);

        var record = TraceReader.Read(reader, "mine.jsonl", TraceFiles.Retail).Single();

        Assert.Equal("mine.jsonl:2", record.Demonstration.Source);
    }

    [Fact]
    public void TraceFormatException_KeepsItsMessageOnOneLine() =>
        Assert.Equal("a.jsonl:1: $.x: two lines", new TraceFormatException("a.jsonl:1", "$.x", "two\nlines").Message);
}
