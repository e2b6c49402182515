// A console agent with procedural memory: the README's chat-client example. Run it against any OpenAI-compatible
// endpoint: OPENAI_API_KEY=sk-... dotnet run -- gpt-4o-mini "Cancel order W1001, I ordered it by mistake"
// (OPENAI_BASE_URL=http://127.0.0.1:8000/v1 for a local server).
using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using ProceduralMemory.AI.Chat;
using ProceduralMemory.AI.Memory;
using ProceduralMemory.Sqlite;
using ProceduralMemory.Tools;

string model = args.ElementAtOrDefault(0) ?? "gpt-4o-mini";
string request = args.ElementAtOrDefault(1) ?? "Cancel order W1001, I ordered it by mistake";

// The agent's own tools, as Microsoft.Extensions.AI functions.
var orders = new Dictionary<string, string> { ["W1001"] = "pending", ["W1002"] = "delivered" };
AIFunction[] functions =
[
    AIFunctionFactory.Create((string orderId) => orders.TryGetValue(orderId, out var status) ? status : "no such order",
        "get_order_status", "The status of an order: pending, delivered or cancelled."),
    AIFunctionFactory.Create((string orderId, string reason) => orders[orderId] = "cancelled",
        "cancel_pending_order", "Cancels a pending order, giving the customer's reason."),
];

// Procedures are learned from the tools' schemas and from which calls change the world.
ToolDefinition[] tools = [.. functions.Select(f => new ToolDefinition(f.Name, f.Description, f.JsonSchema, ChangesState: f.Name.StartsWith("cancel")))];
using var store = SqliteSkillStore.Open("procedures.db");
var memory = new ProcedureMemory(store, tools); // or new ProcedureMemory(store, tools, yourEmbeddingGenerator, itsDimensions)

var endpoint = Environment.GetEnvironmentVariable("OPENAI_BASE_URL") is { Length: > 0 } url ? new Uri(url) : null;
var key = new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "unused");
IChatClient client = new ChatClientBuilder(new OpenAIClient(key, new OpenAIClientOptions { Endpoint = endpoint }).GetChatClient(model).AsIChatClient())
    .UseProceduralMemory(memory, new ProceduralMemoryChatOptions { MaxProcedures = 3, SimilarityFloor = 0.2f })
    .UseFunctionInvocation()
    .Build();

// One conversation per task; its tool calls are recorded under this name.
string conversation = "ticket-1042";
var options = new ChatOptions
{
    Tools = [.. functions],
    AdditionalProperties = new() { [ProceduralMemoryChatClient.ConversationKey] = conversation },
};
ChatResponse response = await client.GetResponseAsync(request, options);
Console.WriteLine(response.Text);

// When the outcome is known: a success teaches procedures for next time, a failure counts against those followed.
bool success = orders["W1001"] == "cancelled";
RecordingResult result = await client.ReportOutcomeAsync(conversation, success);
Console.WriteLine($"{(success ? "succeeded" : "failed")}: {result.Learned.Count(l => l.Created)} procedure(s) new, " +
    $"{result.Learned.Count(l => !l.Created)} strengthened, {result.Followed.Count} followed");
