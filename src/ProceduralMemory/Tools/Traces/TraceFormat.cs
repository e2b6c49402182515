namespace ProceduralMemory.Tools.Traces;

/// <summary>Which format the lines of a trace file are in.</summary>
public enum TraceFormat
{
    /// <summary>Decide line by line: a JSON array or an object with "messages" is a transcript; an object with "instruction" is a procmem trace.</summary>
    Auto,

    /// <summary>The procmem trace format: <c>{"instruction", "calls", "success"?, "id"?}</c> per line.</summary>
    Procmem,

    /// <summary>A chat transcript in the OpenAI messages shape: <c>{"messages": [...]}</c> or a bare array of messages per line.</summary>
    Transcript,
}
