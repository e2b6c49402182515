using System.IO.Compression;
using System.Text.Json;

namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>
/// Reads conformance files: one JSON object per line, each an episode recorded from the reference MiniGrid
/// (formats: <c>data/conformance/README.md</c> for DoorKey, <c>README-family.md</c> for the whole family, which adds
/// width and height, box contents and the carried object's encoding), plain or gzip-compressed. Blank lines are
/// skipped; anything else that is not a complete, well-formed episode stops the read with a
/// <see cref="ConformanceFormatException"/> naming the line.
/// </summary>
public static class ConformanceFile
{
    /// <summary>The smallest grid side (KeyCorridorS3R1, MiniGrid's flattest registered grid, is 3 high).</summary>
    public const int MinSize = 3;

    /// <summary>The largest grid a conformance file may describe; far above MiniGrid's registered sizes (up to 25).</summary>
    public const int MaxSize = 64;

    /// <summary>Reads every episode of the file at <paramref name="path"/>, decompressing it if it is gzip.</summary>
    /// <exception cref="ConformanceFormatException">The file is missing, empty, truncated or malformed.</exception>
    public static IReadOnlyList<ConformanceTrace> Load(string path)
    {
        if (Directory.Exists(path))
            throw new ConformanceFormatException(0, $"{path} is a folder, not a conformance file");
        if (!File.Exists(path))
            throw new ConformanceFormatException(0, $"{path}: no such file");
        try
        {
            using FileStream file = File.OpenRead(path);
            bool gzip = file.ReadByte() == 0x1f & file.ReadByte() == 0x8b;
            file.Position = 0;
            using Stream content = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
            using var reader = new StreamReader(content);
            return Read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ConformanceFormatException(0, $"cannot read {path}: {e.Message}", e);
        }
    }

    /// <summary>Reads every episode from <paramref name="reader"/>.</summary>
    /// <exception cref="ConformanceFormatException">The text is empty, truncated or malformed.</exception>
    public static IReadOnlyList<ConformanceTrace> Read(TextReader reader)
    {
        var traces = new List<ConformanceTrace>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
                traces.Add(Parse(line, lineNumber));
        }
        if (traces.Count == 0)
            throw new ConformanceFormatException(0, "the file holds no episodes");
        return traces;
    }

    /// <summary>Parses one line: a recorded episode.</summary>
    /// <exception cref="ConformanceFormatException">The line is truncated or malformed.</exception>
    public static ConformanceTrace Parse(string line, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new ConformanceFormatException(lineNumber, $"not a complete JSON object (truncated or malformed): {e.Message}", e);
        }

        using (document)
        {
            try
            {
                return ParseEpisode(document.RootElement, lineNumber);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
            {
                throw new ConformanceFormatException(lineNumber, e.Message, e);
            }
        }
    }

    private static ConformanceTrace ParseEpisode(JsonElement root, int lineNumber)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new FormatException("an episode must be a JSON object");
        string env = Get(root, "env").GetString() ?? throw new FormatException("'env' is null");
        var (width, height) = root.TryGetProperty("width", out JsonElement w)
            ? (Int(w, "width", MinSize, MaxSize), Int(Get(root, "height"), "height", MinSize, MaxSize))
            : (Int(Get(root, "size"), "size", MinSize, MaxSize), Int(Get(root, "size"), "size", MinSize, MaxSize));
        string mission = root.TryGetProperty("mission", out JsonElement m) ? m.GetString() ?? "" : "";
        var layout = MiniGridLayout.FromEncoding(width, height, Cells(Get(root, "grid"), "grid", width, height),
            Position(Get(root, "agent_pos"), "agent_pos"), DirectionOf(Get(root, "agent_dir"), "agent_dir"),
            mission, BoxContents(root));
        JsonElement steps = Get(root, "steps");
        if (steps.ValueKind != JsonValueKind.Array)
            throw new FormatException("'steps' must be an array");
        var parsed = new List<ConformanceStep>(steps.GetArrayLength());
        int index = 0;
        foreach (JsonElement step in steps.EnumerateArray())
            parsed.Add(ParseStep(step, ++index));
        return new ConformanceTrace(
            lineNumber, env, width, height,
            Get(root, "seed") is { ValueKind: JsonValueKind.Number } seed && seed.TryGetInt64(out long layoutSeed)
                ? layoutSeed
                : throw new FormatException($"'seed' must be a whole number (got {Get(root, "seed").GetRawText()})"),
            Get(root, "policy").GetString() ?? "",
            Int(Get(root, "max_steps"), "max_steps", 1, int.MaxValue),
            layout,
            Cells(Get(root, "image"), "image", AgentView.Size, AgentView.Size),
            DirectionOf(Get(root, "direction"), "direction"),
            parsed,
            Cells(Get(root, "grid_final"), "grid_final", width, height));
    }

    // "box_contents": [{"cell": [x, y], "object": [type, colour, state]}], absent in DoorKey files.
    private static IEnumerable<(CellPosition, WorldObject)> BoxContents(JsonElement root)
    {
        if (!root.TryGetProperty("box_contents", out JsonElement boxes))
            return [];
        if (boxes.ValueKind != JsonValueKind.Array)
            throw new FormatException("'box_contents' must be an array");
        return boxes.EnumerateArray().Select((box, i) => (
            Position(Get(box, "cell", $"box_contents[{i}]"), $"box_contents[{i}].cell"),
            WorldObject.Decode(Encoding(Get(box, "object", $"box_contents[{i}]"), $"box_contents[{i}].object")))).ToList();
    }

    private static CellEncoding Encoding(JsonElement value, string field) =>
        value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 3
            ? new CellEncoding((byte)Int(value[0], field, 0, byte.MaxValue), (byte)Int(value[1], field, 0, byte.MaxValue), (byte)Int(value[2], field, 0, byte.MaxValue))
            : throw new FormatException($"'{field}' must be [object, colour, state]");

    private static ConformanceStep ParseStep(JsonElement step, int index)
    {
        string where = $"steps[{index - 1}]";
        if (step.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{where} must be a JSON object");
        int action = Int(Get(step, "action", where), $"{where}.action", 0, MiniGridEnvironment.Done);
        JsonElement carrying = Get(step, "carrying", where);
        return new ConformanceStep(
            action,
            Get(step, "reward", where).GetDouble(),
            Get(step, "terminated", where).GetBoolean(),
            Get(step, "truncated", where).GetBoolean(),
            Position(Get(step, "agent_pos", where), $"{where}.agent_pos"),
            DirectionOf(Get(step, "agent_dir", where), $"{where}.agent_dir"),
            carrying.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => carrying.GetString(),
                _ => Encoding(carrying, $"{where}.carrying").ToString(),
            },
            Cells(Get(step, "image", where), $"{where}.image", AgentView.Size, AgentView.Size),
            DirectionOf(Get(step, "direction", where), $"{where}.direction"));
    }

    /// <summary>
    /// A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; anything else (a string, 1.5, a
    /// number too large for its type) is refused naming the field and the range, never with the JSON reader's own words.
    /// </summary>
    private static int Int(JsonElement value, string field, int minimum, int maximum) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) && number >= minimum && number <= maximum
            ? number
            : throw new FormatException($"'{field}' must be a whole number from {minimum} to {maximum} (got {value.GetRawText()})");

    private static JsonElement Get(JsonElement parent, string name, string? where = null) =>
        parent.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new FormatException($"missing field '{(where is null ? name : $"{where}.{name}")}'");

    private static CellPosition Position(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
            throw new FormatException($"'{field}' must be [x, y]");
        return new CellPosition(Int(value[0], $"{field}[0]", 0, MaxSize - 1), Int(value[1], $"{field}[1]", 0, MaxSize - 1));
    }

    private static Direction DirectionOf(JsonElement value, string field)
    {
        return (Direction)Int(value, field, 0, 3);
    }

    // [x][y][3] nested arrays, flattened as MiniGrid's (x * height + y) * 3 + k.
    private static byte[] Cells(JsonElement value, string field, int width, int height)
    {
        var bytes = new byte[width * height * 3];
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != width)
            throw new FormatException($"'{field}' must be a {width}x{height}x3 array");
        int at = 0;
        foreach (JsonElement column in value.EnumerateArray())
        {
            if (column.ValueKind != JsonValueKind.Array || column.GetArrayLength() != height)
                throw new FormatException($"'{field}' must be a {width}x{height}x3 array");
            foreach (JsonElement cell in column.EnumerateArray())
            {
                if (cell.ValueKind != JsonValueKind.Array || cell.GetArrayLength() != 3)
                    throw new FormatException($"'{field}' must be a {width}x{height}x3 array");
                foreach (JsonElement b in cell.EnumerateArray())
                    bytes[at++] = (byte)Int(b, field, 0, byte.MaxValue);
            }
        }
        return bytes;
    }
}
