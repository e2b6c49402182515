using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// A tau-bench domain (<c>retail</c> or <c>airline</c>) loaded from its data directory: the tools with their schemas,
/// the initial database, and the tasks of each split.
/// </summary>
public sealed partial class TauDomain
{
    private static readonly Dictionary<string, DomainShape> Shapes = new()
    {
        ["retail"] = new(["users", "orders", "products"], ["train", "test"], RetailTools.All,
            ["cancel_pending_order", "exchange_delivered_order_items", "modify_pending_order_address", "modify_pending_order_items",
             "modify_pending_order_payment", "modify_user_address", "return_delivered_order_items"]),
        ["airline"] = new(["users", "flights", "reservations"], ["test"], AirlineTools.All,
            ["book_reservation", "cancel_reservation", "send_certificate", "update_reservation_baggages",
             "update_reservation_flights", "update_reservation_passengers"]),
    };

    private readonly IReadOnlyDictionary<string, Func<TauDatabase, TauArguments, string>> implementations;
    private readonly Dictionary<string, string[]> parameters;
    private readonly Dictionary<string, IReadOnlyList<ToolTask>> tasks;
    private string? initialDigest;

    private TauDomain(string name, string directory, IReadOnlyList<ToolDefinition> tools, Dictionary<string, string[]> parameters,
        TauDatabase database, Dictionary<string, IReadOnlyList<ToolTask>> tasks, IReadOnlyDictionary<string, Func<TauDatabase, TauArguments, string>> implementations)
    {
        Name = name;
        Directory = directory;
        Tools = tools;
        this.parameters = parameters;
        Database = database;
        this.tasks = tasks;
        this.implementations = implementations;
    }

    /// <summary>The domains this implementation knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["retail", "airline"];

    /// <summary>The domain's name.</summary>
    public string Name { get; }

    /// <summary>The directory the domain was loaded from.</summary>
    public string Directory { get; }

    /// <summary>Every tool, in the order of <c>tools.json</c>.</summary>
    public IReadOnlyList<ToolDefinition> Tools { get; }

    /// <summary>The initial database; episodes work on forks of it.</summary>
    public TauDatabase Database { get; }

    /// <summary>The splits with tasks (<c>train</c>, <c>test</c>).</summary>
    public IReadOnlyCollection<string> Splits => tasks.Keys;

    /// <summary>The digest of the initial database.</summary>
    public string InitialDigest => initialDigest ??= Database.Digest();

    /// <summary>The tasks of <paramref name="split"/>, in file order (a task's index is its place here).</summary>
    public IReadOnlyList<ToolTask> Tasks(string split) =>
        tasks.TryGetValue(split, out IReadOnlyList<ToolTask>? list) ? list : throw new ArgumentException($"The {Name} domain has no {split} split.", nameof(split));

    /// <summary>Loads the domain <paramref name="name"/> from <paramref name="directory"/> (its JSON tables, <c>tools.json</c>, <c>tasks_SPLIT.json</c>).</summary>
    public static TauDomain Load(string name, string directory)
    {
        if (!Shapes.TryGetValue(name, out DomainShape? shape))
            throw new ArgumentException($"Unknown tau-bench domain '{name}'; known: {string.Join(", ", Names)}.", nameof(name));

        var tools = new List<ToolDefinition>();
        var parameters = new Dictionary<string, string[]>();
        using (var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "tools.json"))))
        {
            foreach (JsonElement entry in document.RootElement.EnumerateArray())
            {
                JsonElement function = entry.GetProperty("function");
                string toolName = function.GetProperty("name").GetString()!;
                JsonElement schema = function.GetProperty("parameters").Clone();
                tools.Add(new ToolDefinition(toolName, function.GetProperty("description").GetString() ?? "", schema, shape.StateChanging.Contains(toolName)));
                parameters[toolName] = schema.TryGetProperty("properties", out JsonElement properties)
                    ? [.. properties.EnumerateObject().Select(p => p.Name)]
                    : [];
            }
        }

        var loadedTasks = new Dictionary<string, IReadOnlyList<ToolTask>>();
        foreach (string split in shape.Splits)
        {
            string path = Path.Combine(directory, $"tasks_{split}.json");
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var list = new List<ToolTask>();
            int index = 0;
            foreach (JsonElement task in document.RootElement.EnumerateArray())
            {
                var actions = task.GetProperty("actions").EnumerateArray()
                    .Select(a => new ToolCall(a.GetProperty("name").GetString()!, a.GetProperty("arguments").Clone()))
                    .ToList();
                var outputs = task.TryGetProperty("outputs", out JsonElement o) ? o.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
                list.Add(new ToolTask($"{name}/{split}/{index}", task.GetProperty("instruction").GetString() ?? "", actions, outputs));
                index++;
            }
            loadedTasks[split] = list;
        }

        return new TauDomain(name, directory, tools, parameters, TauDatabase.Load(directory, shape.Tables), loadedTasks, shape.Tools);
    }

    /// <summary>A new environment on this domain.</summary>
    public TauEnvironment CreateEnvironment() => new(this);

    private sealed record DomainShape(string[] Tables, string[] Splits, IReadOnlyDictionary<string, Func<TauDatabase, TauArguments, string>> Tools, string[] StateChanging);
}
