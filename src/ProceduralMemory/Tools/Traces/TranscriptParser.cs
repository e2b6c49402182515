using System.Text;
using System.Text.Json;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tools.Traces;

/// <summary>
/// Reads one line of a chat transcript in the OpenAI messages shape: <c>{"messages": [...], "success"?, "id"?}</c> or a
/// bare array of messages. The instruction is every user message's text in order, joined by newlines (a task the user
/// states over several turns is all instruction); the calls are the assistant's tool calls in order, with results
/// matched by <c>tool_call_id</c>.
/// </summary>
internal static class TranscriptParser
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool"];

    public static TraceRecord Parse(TraceLine line)
    {
        var root = line.Root;
        JsonElement messages;
        string messagesPath;
        bool? success = null;
        var source = line.DefaultSource;
        if (root.ValueKind == JsonValueKind.Array)
        {
            messages = root;
            messagesPath = "$";
        }
        else
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw line.Fail("$", $"expected an object with \"messages\" or an array of messages, got {JsonSchemaChecker.Describe(root)}");
            }

            messages = line.Required(root, "$", "messages", JsonValueKind.Array);
            messagesPath = "$.messages";
            if (root.TryGetProperty("success", out var successElement))
            {
                success = line.Expect(successElement, "$.success", JsonValueKind.True).GetBoolean();
            }

            if (root.TryGetProperty("id", out var idElement))
            {
                source = line.Expect(idElement, "$.id", JsonValueKind.String).GetString()!;
                if (source.Length == 0)
                {
                    throw line.Fail("$.id", "the id is empty");
                }
            }
        }

        var userTexts = new List<string>();
        var calls = new List<ToolCall>();
        var results = new List<string?>();
        var callIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var path = $"{messagesPath}[{index}]";
            line.Expect(message, path, JsonValueKind.Object);
            var role = line.Required(message, path, "role", JsonValueKind.String).GetString()!;
            switch (role)
            {
                case "user":
                    var text = Text(line, message, path, required: true)!;
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        userTexts.Add(text);
                    }

                    break;
                case "assistant":
                    ReadToolCalls(line, message, path, calls, results, callIndexById);
                    break;
                case "tool":
                    var id = line.Required(message, path, "tool_call_id", JsonValueKind.String).GetString()!;
                    if (!callIndexById.TryGetValue(id, out var callIndex))
                    {
                        throw line.Fail(path + ".tool_call_id", $"no earlier tool call has id \"{id}\"");
                    }

                    if (results[callIndex] is not null)
                    {
                        throw line.Fail(path + ".tool_call_id", $"tool call \"{id}\" already has a result");
                    }

                    results[callIndex] = Text(line, message, path, required: true);
                    break;
                default:
                    if (!Roles.Contains(role))
                    {
                        throw line.Fail(path + ".role", $"unknown role \"{role}\" (expected {string.Join(", ", Roles)})");
                    }

                    break;
            }

            index++;
        }

        if (userTexts.Count == 0)
        {
            throw line.Fail(messagesPath, "no user message with text, so there is no instruction");
        }

        if (calls.Count == 0)
        {
            throw line.Fail(messagesPath, "no assistant tool calls, so there is nothing to learn from");
        }

        var instruction = string.Join("\n", userTexts);
        return new TraceRecord(
            new ToolDemonstration(source, instruction, calls),
            TraceLine.Trajectory(instruction, calls, results, success),
            success);
    }

    private static void ReadToolCalls(TraceLine line, JsonElement message, string path, List<ToolCall> calls, List<string?> results, Dictionary<string, int> callIndexById)
    {
        if (!message.TryGetProperty("tool_calls", out var toolCalls) || toolCalls.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        line.Expect(toolCalls, path + ".tool_calls", JsonValueKind.Array);
        var index = 0;
        foreach (var toolCall in toolCalls.EnumerateArray())
        {
            var callPath = $"{path}.tool_calls[{index}]";
            line.Expect(toolCall, callPath, JsonValueKind.Object);
            var id = line.Required(toolCall, callPath, "id", JsonValueKind.String).GetString()!;
            if (toolCall.TryGetProperty("type", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "function"))
            {
                throw line.Fail(callPath + ".type", $"expected \"function\", got {type.GetRawText()}");
            }

            var function = line.Required(toolCall, callPath, "function", JsonValueKind.Object);
            var functionPath = callPath + ".function";
            var name = line.Required(function, functionPath, "name", JsonValueKind.String).GetString()!;
            if (!function.TryGetProperty("arguments", out var argumentsElement))
            {
                throw line.Fail(functionPath, "missing required property \"arguments\"");
            }

            var argumentsPath = functionPath + ".arguments";
            var arguments = Arguments(line, argumentsElement, argumentsPath);
            var call = new ToolCall(name, arguments);
            line.Validate(call, functionPath + ".name", argumentsPath);
            if (!callIndexById.TryAdd(id, calls.Count))
            {
                throw line.Fail(callPath + ".id", $"tool call id \"{id}\" is used twice");
            }

            calls.Add(call);
            results.Add(null);
            index++;
        }
    }

    // The OpenAI shape carries arguments as a JSON-encoded string; some frameworks log the decoded object instead.
    private static JsonElement Arguments(TraceLine line, JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return element.Clone();
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw line.Fail(path, $"expected a JSON-encoded string or an object, got {JsonSchemaChecker.Describe(element)}");
        }

        JsonElement decoded;
        try
        {
            using var document = JsonDocument.Parse(element.GetString()!, TraceLine.DocumentOptions);
            decoded = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw line.Fail(path, "the arguments string is not valid JSON: " + e.Message);
        }

        if (TraceLine.FindBrokenString(decoded, "$") is { } broken)
        {
            throw line.Fail(path + broken[1..], TraceLine.BrokenStringReason);
        }

        if (decoded.ValueKind != JsonValueKind.Object)
        {
            throw line.Fail(path, $"the arguments string holds {JsonSchemaChecker.Describe(decoded)}, expected an object");
        }

        return decoded;
    }

    // Content is a string, or (in the newer shape) an array of parts of which the text parts count.
    private static string? Text(TraceLine line, JsonElement message, string path, bool required)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return required ? throw line.Fail(path, "missing required property \"content\"") : null;
        }

        var contentPath = path + ".content";
        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString();
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw line.Fail(contentPath, $"expected a string or an array of parts, got {JsonSchemaChecker.Describe(content)}");
        }

        var text = new StringBuilder();
        var index = 0;
        foreach (var part in content.EnumerateArray())
        {
            var partPath = $"{contentPath}[{index}]";
            line.Expect(part, partPath, JsonValueKind.Object);
            if (part.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "text")
            {
                text.Append(line.Required(part, partPath, "text", JsonValueKind.String).GetString());
            }

            index++;
        }

        return text.ToString();
    }
}
