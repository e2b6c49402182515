using System.IO.Compression;
using System.Text.Json;

namespace ProceduralMemory.Tools.Tau;

/// <summary>Reads tau-bench conformance files: one JSON line per task, plain or gzip.</summary>
public static class TauConformanceFile
{
    /// <summary>True when <paramref name="line"/> looks like a tau-bench trace (it has <c>calls</c> and <c>final_digest</c>).</summary>
    public static bool IsTauLine(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("calls", out _)
                && document.RootElement.TryGetProperty("final_digest", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The first non-blank line of a plain or gzip file, or null when it has none.</summary>
    public static string? FirstLine(string path)
    {
        using TextReader reader = Open(path);
        string? line;
        while ((line = reader.ReadLine()) is not null)
            if (!string.IsNullOrWhiteSpace(line))
                return line;
        return null;
    }

    /// <summary>Every trace in <paramref name="path"/>; a malformed line throws <see cref="InvalidDataException"/> naming it.</summary>
    public static IReadOnlyList<TauConformanceTrace> Load(string path)
    {
        var traces = new List<TauConformanceTrace>();
        using TextReader reader = Open(path);
        string? line;
        int number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                traces.Add(Parse(line));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"line {number}: not a tau-bench trace ({e.Message})", e);
            }
        }
        return traces;
    }

    /// <summary>Parses one trace line.</summary>
    public static TauConformanceTrace Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        var calls = root.GetProperty("calls").EnumerateArray()
            .Select(c => new TauConformanceCall(
                new ToolCall(c.GetProperty("name").GetString()!, c.GetProperty("arguments").Clone()),
                c.GetProperty("output").GetString() ?? ""))
            .ToList();
        var changed = new Dictionary<string, IReadOnlyDictionary<string, JsonElement>>();
        if (root.TryGetProperty("changed", out JsonElement tables))
            foreach (JsonProperty table in tables.EnumerateObject())
                changed[table.Name] = table.Value.EnumerateObject().ToDictionary(r => r.Name, r => r.Value.Clone());
        return new TauConformanceTrace(
            root.GetProperty("split").GetString()!,
            root.GetProperty("task").GetInt32(),
            calls,
            changed,
            root.GetProperty("final_digest").GetString()!);
    }

    private static TextReader Open(string path)
    {
        Stream stream = File.OpenRead(path);
        byte[] magic = new byte[2];
        int read = stream.Read(magic, 0, 2);
        stream.Position = 0;
        if (read == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream);
    }
}
