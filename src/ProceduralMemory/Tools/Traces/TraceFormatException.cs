namespace ProceduralMemory.Tools.Traces;

/// <summary>
/// A trace or tool file that breaks its format, with a one-line message that says where:
/// <c>&lt;file&gt;:&lt;line&gt;: &lt;json path&gt;: &lt;reason&gt;</c> (just <c>&lt;file&gt;: &lt;json path&gt;: &lt;reason&gt;</c> for a whole-file document such as tools.json).
/// </summary>
public sealed class TraceFormatException : Exception
{
    /// <summary>Creates the exception for the value at <paramref name="path"/> in <paramref name="location"/>.</summary>
    /// <param name="location">The file name, with <c>:line</c> for a line of a JSONL file.</param>
    /// <param name="path">The JSON path of the offending value within that line or file, such as <c>$.calls[0].name</c>.</param>
    /// <param name="reason">What is wrong.</param>
    public TraceFormatException(string location, string path, string reason)
        : base($"{location}: {path}: {OneLine(reason)}")
    {
        Location = location;
        JsonPath = path;
        Reason = OneLine(reason);
    }

    /// <summary>The file name, with <c>:line</c> for a line of a JSONL file.</summary>
    public string Location { get; }

    /// <summary>The JSON path of the offending value.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    // The message is promised to be one line, and parser messages or user text may hold line breaks.
    private static string OneLine(string text) => text.Replace("\r", " ").Replace("\n", " ");
}
