using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using ProceduralMemory.AI.Memory;

namespace ProceduralMemory.AI.Mcp;

/// <summary>
/// The MCP tools and resources over a <see cref="ProcedureMemory"/>: <c>recall_procedures</c>, <c>record_trajectory</c>,
/// <c>report_outcome</c>, <c>list_procedures</c>, and each procedure as the resource <c>procedure://{id}</c>. Results are
/// text content holding JSON (<see cref="ProcedureJson.Options"/>) that lists procedures as <see cref="ProcedureView"/>
/// shows them. Arguments are checked against the input schema the tool advertises before the memory sees them; a bad
/// call (an argument missing or of the wrong type, an unknown procedure or tool) is a tool error
/// (<see cref="CallToolResult.IsError"/>) and changes nothing.
/// </summary>
/// <remarks>All the work is the memory's: these are adapters from MCP requests to its methods and back.</remarks>
public static class ProcedureMcpTools
{
    /// <summary>The recall tool's name.</summary>
    public const string Recall = "recall_procedures";

    /// <summary>The recording tool's name.</summary>
    public const string Record = "record_trajectory";

    /// <summary>The outcome tool's name.</summary>
    public const string ReportOutcome = "report_outcome";

    /// <summary>The listing tool's name.</summary>
    public const string List = "list_procedures";

    /// <summary>The URI template of a procedure resource.</summary>
    public const string ResourceTemplate = "procedure://{id}";

    private const string JsonMime = "application/json";

    /// <summary>The procedures <c>recall_procedures</c> returns when <c>k</c> is not given.</summary>
    public const int DefaultK = 3;

    private static readonly JsonElement RecallSchema = Schema($$$"""
        {"type": "object",
         "properties": {
           "task": {"type": "string", "minLength": 1, "description": "The task the agent is about to do, in words (the user's request)."},
           "k": {"type": "integer", "minimum": 1, "default": {{{DefaultK}}}, "description": "The most procedures to return."}},
         "required": ["task"],
         "additionalProperties": false}
        """);

    private static readonly JsonElement RecordSchema = Schema("""
        {"type": "object",
         "properties": {
           "task": {"type": "string", "minLength": 1, "description": "The task the trajectory was for, in words."},
           "calls": {"type": "array", "description": "The tool calls the agent made, in order.",
             "items": {"type": "object",
               "properties": {
                 "name": {"type": "string", "minLength": 1, "description": "The tool called."},
                 "arguments": {"type": "object", "description": "Its arguments."},
                 "result": {"type": "string", "description": "What it returned (JSON text for most tools); give every result so look-ups can be explained."},
                 "is_error": {"type": "boolean", "description": "True when the call failed."}},
               "required": ["name", "arguments"],
               "additionalProperties": false}},
           "success": {"type": "boolean", "description": "Whether the task was accomplished; a success is a demonstration procedures are learned from."}},
         "required": ["task", "calls", "success"],
         "additionalProperties": false}
        """);

    private static readonly JsonElement OutcomeSchema = Schema("""
        {"type": "object",
         "properties": {
           "procedure_id": {"type": "integer", "description": "The procedure's id, as recall_procedures or list_procedures gave it."},
           "success": {"type": "boolean", "description": "Whether following it accomplished the task."},
           "notes": {"type": "string", "description": "Free text about the outcome (acknowledged, not stored)."}},
         "required": ["procedure_id", "success"],
         "additionalProperties": false}
        """);

    private static readonly JsonElement ListSchema = Schema("""
        {"type": "object",
         "properties": {
           "filter": {"type": "string", "description": "Only procedures whose name, purpose or tools contain this text (ignoring case)."}},
         "additionalProperties": false}
        """);

    /// <summary>The four tools over <paramref name="memory"/>.</summary>
    public static IReadOnlyList<McpServerTool> Tools(ProcedureMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return
        [
            Tool(Recall, "Recall the stored procedures that fit a task: each with its steps (the tool each calls and where its arguments come from), slots and success rate, and how similar its purpose is to the task, nearest first.",
                RecallSchema, readOnly: true, args => Json(new JsonObject
                {
                    ["procedures"] = new JsonArray([.. memory.Recall(args.GetProperty("task").GetString()!, OptionalInt(args, "k") ?? DefaultK)
                        .Select(r => WithSimilarity(r))]),
                })),
            Tool(Record, "Record the tool calls made for a task and whether it succeeded. A success teaches procedures (new ones, or a demonstration of one already known); every stored procedure the calls carried out counts a use.",
                RecordSchema, readOnly: false, args => RecordTrajectory(memory, args)),
            Tool(ReportOutcome, "Report whether following a procedure accomplished the task: counts one use, and a success when it did; returns the procedure as it now stands.",
                OutcomeSchema, readOnly: false, args => Json(new JsonObject
                {
                    ["procedures"] = new JsonArray(Node(memory.ReportOutcome(args.GetProperty("procedure_id").GetInt32(), args.GetProperty("success").GetBoolean()))),
                })),
            Tool(List, "List the stored procedures by id, or those whose name, purpose or tools contain a filter text.",
                ListSchema, readOnly: true, args => Json(new JsonObject
                {
                    ["procedures"] = new JsonArray([.. memory.List(OptionalString(args, "filter")).Select(Node)]),
                })),
        ];
    }

    /// <summary>The resources over <paramref name="memory"/>: each procedure, as JSON, at <c>procedure://{id}</c>.</summary>
    public static IReadOnlyList<McpServerResource> Resources(ProcedureMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return
        [
            McpServerResource.Create(
                (RequestContext<ReadResourceRequestParams> context, string id) => ReadProcedure(memory, context.Params?.Uri ?? "", id),
                new McpServerResourceCreateOptions
                {
                    UriTemplate = ResourceTemplate,
                    Name = "procedure",
                    Title = "A stored procedure",
                    Description = "A procedure of the library as JSON: id, name, purpose, slots, steps (each with its tool), uses, successes, success_rate, and the procedure itself.",
                    MimeType = JsonMime,
                }),
        ];
    }

    private static ResourceContents ReadProcedure(ProcedureMemory memory, string uri, string id)
    {
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            throw new McpProtocolException($"'{uri}' names no procedure: the id must be a whole number", McpErrorCode.ResourceNotFound);
        try
        {
            return new TextResourceContents { Uri = uri, MimeType = JsonMime, Text = JsonSerializer.Serialize(memory.Get(number), ProcedureJson.Options) };
        }
        catch (ProcedureRequestException e)
        {
            throw new McpProtocolException(e.Message, McpErrorCode.ResourceNotFound);
        }
    }

    private static CallToolResult RecordTrajectory(ProcedureMemory memory, JsonElement args)
    {
        List<RecordedCall> calls = [.. args.GetProperty("calls").EnumerateArray().Select(c => new RecordedCall(
            c.GetProperty("name").GetString()!,
            c.GetProperty("arguments").Clone(),
            OptionalString(c, "result"),
            c.TryGetProperty("is_error", out JsonElement error) && error.GetBoolean()))];
        RecordingResult result = memory.Record(args.GetProperty("task").GetString()!, calls, args.GetProperty("success").GetBoolean());
        return Json(new JsonObject
        {
            ["learned"] = JsonSerializer.SerializeToNode(result.Learned, ProcedureJson.Options),
            ["procedures"] = new JsonArray([.. result.Learned.Select(l => Node(memory.Get(l.Id)))]),
            ["followed"] = new JsonArray([.. result.Followed.Select(Node)]),
        });
    }

    // One tool: the schema is advertised and enforced here, and a request the memory refuses is a tool error.
    private static McpServerTool Tool(string name, string description, JsonElement schema, bool readOnly, Func<JsonElement, CallToolResult> run)
    {
        McpServerTool tool = McpServerTool.Create(
            (RequestContext<CallToolRequestParams> context) =>
            {
                JsonElement args = JsonSerializer.SerializeToElement(
                    context.Params?.Arguments ?? new Dictionary<string, JsonElement>(), ProcedureJson.Options);
                if (ToolSchema.Violation(schema, args, "arguments") is { } violation)
                    return Error(violation);
                try
                {
                    return run(args);
                }
                catch (ProcedureRequestException e)
                {
                    return Error(e.Message);
                }
            },
            new McpServerToolCreateOptions
            {
                Name = name,
                Description = description,
                ReadOnly = readOnly,
                Destructive = false,
                Idempotent = readOnly,
                OpenWorld = false,
            });
        tool.ProtocolTool.InputSchema = schema;
        return tool;
    }

    private static JsonNode WithSimilarity(RecalledProcedure recalled)
    {
        JsonObject node = Node(recalled.Procedure).AsObject();
        node["similarity"] = Math.Round(recalled.Similarity, 4);
        return node;
    }

    private static JsonNode Node(ProcedureView view) => JsonSerializer.SerializeToNode(view, ProcedureJson.Options)!;

    private static CallToolResult Json(JsonObject body) =>
        new() { Content = [new TextContentBlock { Text = body.ToJsonString(ProcedureJson.Options) }] };

    private static CallToolResult Error(string message) =>
        new() { IsError = true, Content = [new TextContentBlock { Text = message }] };

    private static int? OptionalInt(JsonElement args, string name) =>
        args.TryGetProperty(name, out JsonElement value) ? (int)value.GetDouble() : null;

    private static string? OptionalString(JsonElement args, string name) =>
        args.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

    private static JsonElement Schema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
