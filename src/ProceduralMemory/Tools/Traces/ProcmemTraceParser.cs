using System.Text.Json;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tools.Traces;

/// <summary>Reads one line of the procmem trace format: <c>{"instruction", "calls": [{"name", "arguments", "result"?}], "success"?, "id"?}</c>.</summary>
internal static class ProcmemTraceParser
{
    private static readonly string[] LineFields = ["instruction", "calls", "success", "id"];
    private static readonly string[] CallFields = ["name", "arguments", "result"];

    public static TraceRecord Parse(TraceLine line)
    {
        var root = line.Expect(line.Root, "$", JsonValueKind.Object);
        RejectUnknown(line, root, "$", LineFields);
        var instruction = line.Required(root, "$", "instruction", JsonValueKind.String).GetString()!;
        if (string.IsNullOrWhiteSpace(instruction))
        {
            throw line.Fail("$.instruction", "the instruction is empty");
        }

        var callsElement = line.Required(root, "$", "calls", JsonValueKind.Array);
        if (callsElement.GetArrayLength() == 0)
        {
            throw line.Fail("$.calls", "a demonstration needs at least one call");
        }

        var success = true;
        if (root.TryGetProperty("success", out var successElement))
        {
            success = line.Expect(successElement, "$.success", JsonValueKind.True).GetBoolean();
        }

        var source = line.DefaultSource;
        if (root.TryGetProperty("id", out var idElement))
        {
            source = line.Expect(idElement, "$.id", JsonValueKind.String).GetString()!;
            if (source.Length == 0)
            {
                throw line.Fail("$.id", "the id is empty");
            }
        }

        var calls = new List<ToolCall>();
        var results = new List<string?>();
        var index = 0;
        foreach (var element in callsElement.EnumerateArray())
        {
            var path = $"$.calls[{index}]";
            line.Expect(element, path, JsonValueKind.Object);
            RejectUnknown(line, element, path, CallFields);
            var name = line.Required(element, path, "name", JsonValueKind.String).GetString()!;
            var arguments = line.Required(element, path, "arguments", JsonValueKind.Object).Clone();
            var call = new ToolCall(name, arguments);
            line.Validate(call, path + ".name", path + ".arguments");
            calls.Add(call);
            results.Add(element.TryGetProperty("result", out var result)
                ? line.Expect(result, path + ".result", JsonValueKind.String).GetString()
                : null);
            index++;
        }

        return new TraceRecord(
            new ToolDemonstration(source, instruction, calls),
            TraceLine.Trajectory(instruction, calls, results, success),
            success);
    }

    // A misspelt optional field ("sucess") would otherwise be silently dropped and its default used.
    private static void RejectUnknown(TraceLine line, JsonElement element, string path, string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw line.Fail(JsonSchemaChecker.ChildPath(path, property.Name), $"unknown property \"{property.Name}\" (expected {string.Join(", ", known)})");
            }
        }
    }
}
