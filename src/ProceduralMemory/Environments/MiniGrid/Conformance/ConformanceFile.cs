using System.Text.Json;

namespace ProceduralMemory.Environments.MiniGrid.Conformance;

/// <summary>
/// Reads conformance files: one JSON object per line, each an episode recorded from the reference MiniGrid
/// (format: <c>data/conformance/README.md</c>). Blank lines are skipped; anything else that is not a complete,
/// well-formed episode stops the read with a <see cref="ConformanceFormatException"/> naming the line.
/// </summary>
public static class ConformanceFile
{
    /// <summary>Reads every episode of the file at <paramref name="path"/>.</summary>
    /// <exception cref="ConformanceFormatException">The file is missing, empty, truncated or malformed.</exception>
    public static IReadOnlyList<ConformanceTrace> Load(string path)
    {
        if (!File.Exists(path))
            throw new ConformanceFormatException(0, $"{path}: no such file");
        using var reader = File.OpenText(path);
        return Read(reader);
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
        int size = Get(root, "size").GetInt32();
        if (size < 5 || env != $"MiniGrid-DoorKey-{size}x{size}-v0")
            throw new FormatException($"unsupported environment '{env}' of size {size} (expected MiniGrid-DoorKey-NxN-v0)");
        var layout = MiniGridLayout.FromEncoding(size, size, Cells(Get(root, "grid"), "grid", size, size),
            Position(Get(root, "agent_pos"), "agent_pos"), DirectionOf(Get(root, "agent_dir"), "agent_dir"));
        JsonElement steps = Get(root, "steps");
        if (steps.ValueKind != JsonValueKind.Array)
            throw new FormatException("'steps' must be an array");
        var parsed = new List<ConformanceStep>(steps.GetArrayLength());
        int index = 0;
        foreach (JsonElement step in steps.EnumerateArray())
            parsed.Add(ParseStep(step, ++index));
        return new ConformanceTrace(
            lineNumber, env, size,
            Get(root, "seed").GetInt64(),
            Get(root, "policy").GetString() ?? "",
            Get(root, "max_steps").GetInt32(),
            layout,
            Cells(Get(root, "image"), "image", AgentView.Size, AgentView.Size),
            DirectionOf(Get(root, "direction"), "direction"),
            parsed,
            Cells(Get(root, "grid_final"), "grid_final", size, size));
    }

    private static ConformanceStep ParseStep(JsonElement step, int index)
    {
        string where = $"steps[{index - 1}]";
        if (step.ValueKind != JsonValueKind.Object)
            throw new FormatException($"{where} must be a JSON object");
        int action = Get(step, "action", where).GetInt32();
        if ((uint)action > MiniGridEnvironment.Done)
            throw new FormatException($"{where}.action {action} is not 0..6");
        JsonElement carrying = Get(step, "carrying", where);
        return new ConformanceStep(
            action,
            Get(step, "reward", where).GetDouble(),
            Get(step, "terminated", where).GetBoolean(),
            Get(step, "truncated", where).GetBoolean(),
            Position(Get(step, "agent_pos", where), $"{where}.agent_pos"),
            DirectionOf(Get(step, "agent_dir", where), $"{where}.agent_dir"),
            carrying.ValueKind == JsonValueKind.Null ? null : carrying.GetString(),
            Cells(Get(step, "image", where), $"{where}.image", AgentView.Size, AgentView.Size),
            DirectionOf(Get(step, "direction", where), $"{where}.direction"));
    }

    private static JsonElement Get(JsonElement parent, string name, string? where = null) =>
        parent.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new FormatException($"missing field '{(where is null ? name : $"{where}.{name}")}'");

    private static CellPosition Position(JsonElement value, string field)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 2)
            throw new FormatException($"'{field}' must be [x, y]");
        return new CellPosition(value[0].GetInt32(), value[1].GetInt32());
    }

    private static Direction DirectionOf(JsonElement value, string field)
    {
        int direction = value.GetInt32();
        return (uint)direction <= 3 ? (Direction)direction : throw new FormatException($"'{field}' {direction} is not 0..3");
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
                    bytes[at++] = b.GetByte();
            }
        }
        return bytes;
    }
}
