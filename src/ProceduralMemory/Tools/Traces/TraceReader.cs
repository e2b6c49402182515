using System.Text.Json;

namespace ProceduralMemory.Tools.Traces;

/// <summary>
/// Reads demonstrations from a JSONL trace file, one per non-blank line, in the procmem trace format or as chat
/// transcripts (see docs/traces.md). Every call is checked against a <see cref="ToolCatalog"/>. Reading is
/// all-or-nothing: it returns every line's demonstration or throws <see cref="TraceFormatException"/> at the first
/// problem, so a caller stores nothing from a file that fails.
/// </summary>
public static class TraceReader
{
    /// <summary>Reads a trace file.</summary>
    /// <param name="path">The file; errors name it by its file name.</param>
    /// <param name="catalog">The tools the calls may use.</param>
    /// <param name="format">The lines' format, or <see cref="TraceFormat.Auto"/> to decide line by line.</param>
    /// <exception cref="TraceFormatException">A line is malformed; the message is <c>file:line: path: reason</c>.</exception>
    public static IReadOnlyList<TraceRecord> Read(string path, ToolCatalog catalog, TraceFormat format = TraceFormat.Auto)
    {
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), catalog, format);
    }

    /// <summary>Reads trace lines from a reader.</summary>
    /// <param name="reader">The lines.</param>
    /// <param name="fileName">The name errors and default sources give for the lines.</param>
    /// <param name="catalog">The tools the calls may use.</param>
    /// <param name="format">The lines' format, or <see cref="TraceFormat.Auto"/> to decide line by line.</param>
    /// <exception cref="TraceFormatException">A line is malformed; the message is <c>file:line: path: reason</c>.</exception>
    public static IReadOnlyList<TraceRecord> Read(TextReader reader, string fileName, ToolCatalog catalog, TraceFormat format = TraceFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(catalog);
        var records = new List<TraceRecord>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(text, TraceLine.DocumentOptions);
                root = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new TraceFormatException($"{fileName}:{number}", "$", "not valid JSON: " + e.Message);
            }

            if (TraceLine.FindBrokenString(root, "$") is { } broken)
            {
                throw new TraceFormatException($"{fileName}:{number}", broken, TraceLine.BrokenStringReason);
            }

            var line = new TraceLine(fileName, number, root, catalog);
            records.Add(FormatOf(line, format) == TraceFormat.Transcript ? TranscriptParser.Parse(line) : ProcmemTraceParser.Parse(line));
        }

        if (records.Count == 0)
        {
            throw new TraceFormatException(fileName, "$", "the file holds no demonstrations");
        }

        return records;
    }

    private static TraceFormat FormatOf(TraceLine line, TraceFormat format)
    {
        if (format != TraceFormat.Auto)
        {
            return format;
        }

        var root = line.Root;
        if (root.ValueKind == JsonValueKind.Array || (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messages", out _)))
        {
            return TraceFormat.Transcript;
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("instruction", out _))
        {
            return TraceFormat.Procmem;
        }

        throw line.Fail("$", $"cannot tell the format: expected an object with \"instruction\" (procmem trace) or \"messages\" (transcript), or an array of messages, got {JsonSchemaChecker.Describe(root)}");
    }
}
