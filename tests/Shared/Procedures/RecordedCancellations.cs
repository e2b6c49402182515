using System.Text.Json;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Traces;

namespace ProceduralMemory.Tests.Shared.Procedures;

/// <summary>
/// Three tools of a small shop (find a user by email, read a user, cancel an order) and cancellations recorded one at a
/// time with their results, as a language-model agent's reported conversations are: each induced on its own, so the
/// ones that name the order and the ones that look it up through the user become variants of one procedure.
/// </summary>
public static class RecordedCancellations
{
    /// <summary>The tools, in the order a tools.json of them is read (by name).</summary>
    public static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        new("cancel_pending_order", "Cancels a pending order.", Schema("""{"type":"object","properties":{"order_id":{"type":"string"},"reason":{"type":"string","enum":["no longer needed","ordered by mistake"]}},"required":["order_id","reason"]}"""), true),
        new("find_user_id_by_email", "Finds a user's id by their email.", Schema("""{"type":"object","properties":{"email":{"type":"string"}},"required":["email"]}"""), false),
        new("get_user_details", "The details of a user, with their orders.", Schema("""{"type":"object","properties":{"user_id":{"type":"string"}},"required":["user_id"]}"""), false),
    ];

    /// <summary>A cancellation that names the order.</summary>
    public static ToolDemonstration Named(string order, string reason) => Recorded($"Cancel order {order} because {reason}.",
        ("cancel_pending_order", $$"""{"order_id":"{{order}}","reason":"{{reason}}"}""", """{"status":"cancelled"}"""));

    /// <summary>A cancellation that finds the order through the user's email.</summary>
    public static ToolDemonstration LookedUp(string email, string user, string order, string reason) =>
        Recorded($"My email is {email}. Cancel my pending order because {reason}.",
            ("find_user_id_by_email", $$"""{"email":"{{email}}"}""", user),
            ("get_user_details", $$"""{"user_id":"{{user}}"}""", $$"""{"user_id":"{{user}}","orders":["{{order}}"]}"""),
            ("cancel_pending_order", $$"""{"order_id":"{{order}}","reason":"{{reason}}"}""", """{"status":"cancelled"}"""));

    /// <summary>The demonstrations the tests record: two kinds of cancellation, twice each.</summary>
    public static IReadOnlyList<ToolDemonstration> All() =>
    [
        Named("#W1000001", "no longer needed"),
        LookedUp("ann.lee1234@example.com", "ann_lee_1234", "#W2000002", "ordered by mistake"),
        Named("#W3000003", "ordered by mistake"),
        LookedUp("bo.kim5678@example.com", "bo_kim_5678", "#W4000004", "no longer needed"),
    ];

    /// <summary>
    /// Records <paramref name="demonstrations"/> into <paramref name="store"/> one at a time, as <c>ProcedureMemory.Record</c>
    /// does (each induced on its own from its recorded results, a stored identity counting it instead); returns the ids stored.
    /// </summary>
    public static IReadOnlyList<int> RecordEach(ISkillStore store, IKeyProvider<string> keys, IEnumerable<ToolDemonstration> demonstrations)
    {
        ProcedureLibrary.Open(store, Tools.Select(t => t.Name), keys);
        var ids = new List<int>();
        foreach (ToolDemonstration demonstration in demonstrations)
        {
            var inducer = new ProcedureInducer(new RecordedToolEnvironment(Tools, [new TraceRecord(demonstration, demonstration.RecordedTrajectory(), true)]));
            inducer.Add(demonstration);
            ids.AddRange(ProcedureLibrary.Add(store, keys, inducer.Procedures()).Select(r => r.Id));
        }
        return ids;
    }

    private static ToolDemonstration Recorded(string instruction, params (string Tool, string Arguments, string Result)[] calls) =>
        new("recorded", instruction, [.. calls.Select(c => ToolCall.Parse(c.Tool, c.Arguments))], [.. calls.Select(c => ToolResult.Ok(c.Result))]);

    private static JsonElement Schema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
