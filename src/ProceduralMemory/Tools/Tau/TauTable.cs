using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// One table of a tau-bench database (users, orders, ...): records by id in the order the reference's dict holds them.
/// An episode's table shares the initial records and copies one only when a tool first changes it, so a reset is cheap.
/// </summary>
public sealed class TauTable
{
    private readonly TauTable? initial;
    private readonly List<string> order;
    private readonly Dictionary<string, JsonObject> records;
    private readonly HashSet<string> owned = [];
    private Dictionary<string, byte[]>? canonical;
    private string[]? sortedIds;

    /// <summary>A table holding <paramref name="records"/> in their order (an initial table, never changed).</summary>
    public TauTable(string name, IEnumerable<KeyValuePair<string, JsonObject>> records)
    {
        Name = name;
        order = [];
        this.records = [];
        foreach (var (id, record) in records)
        {
            if (this.records.TryAdd(id, record))
                order.Add(id);
            else
                this.records[id] = record;
        }
    }

    private TauTable(TauTable initial)
    {
        Name = initial.Name;
        this.initial = initial;
        order = new List<string>(initial.order);
        records = new Dictionary<string, JsonObject>(initial.records);
    }

    /// <summary>The table's name, the key of the database.</summary>
    public string Name { get; }

    /// <summary>The number of records.</summary>
    public int Count => order.Count;

    /// <summary>The ids in the reference's order.</summary>
    public IReadOnlyList<string> Ids => order;

    /// <summary>A fresh working copy of this initial table.</summary>
    public TauTable Fork() => new(initial ?? this);

    /// <summary>True when the table holds <paramref name="id"/>.</summary>
    public bool Contains(string? id) => id is not null && records.ContainsKey(id);

    /// <summary>A record to read; never change it (use <see cref="Edit"/>).</summary>
    public JsonObject? Get(string? id) => id is not null && records.TryGetValue(id, out JsonObject? record) ? record : null;

    /// <summary>A record to change: the episode's own copy, made on first use.</summary>
    public JsonObject Edit(string id)
    {
        JsonObject record = records[id];
        if (initial is null || owned.Contains(id))
            return record;
        JsonObject copy = (JsonObject)record.DeepClone();
        records[id] = copy;
        owned.Add(id);
        return copy;
    }

    /// <summary>Adds a record under a new id (at the end, as a dict does) or replaces one.</summary>
    public void Put(string id, JsonObject record)
    {
        if (!records.ContainsKey(id))
            order.Add(id);
        records[id] = record;
        owned.Add(id);
    }

    /// <summary>
    /// The records this episode changed or added, by id in table order: those not equal as Python values to the initial
    /// table's (so a balance turned from <c>9</c> into <c>9.0</c> counts as unchanged here, though the digest sees it).
    /// </summary>
    public IEnumerable<KeyValuePair<string, JsonObject>> Changed()
    {
        foreach (string id in order)
        {
            if (!owned.Contains(id))
                continue;
            JsonObject? before = initial?.Get(id);
            if (before is null || !PythonJson.ValueEquals(before, records[id]))
                yield return new(id, records[id]);
        }
    }

    /// <summary>The ids sorted as Python's <c>sort_keys</c> sorts them.</summary>
    internal IReadOnlyList<string> SortedIds()
    {
        if (initial is null)
            return sortedIds ??= [.. order.OrderBy(id => id, CodePointComparer.Instance)];
        IReadOnlyList<string> baseIds = initial.SortedIds();
        if (order.Count == initial.order.Count)
            return baseIds;
        return [.. order.OrderBy(id => id, CodePointComparer.Instance)];
    }

    /// <summary>The record's canonical JSON (UTF-8), from the initial table's cache when the episode has not touched it.</summary>
    internal byte[] CanonicalOf(string id)
    {
        if (initial is not null && !owned.Contains(id))
            return initial.CanonicalOf(id);
        if (initial is not null)
            return CanonicalBytes(records[id]);
        lock (order)
        {
            canonical ??= new Dictionary<string, byte[]>(order.Count);
            if (!canonical.TryGetValue(id, out byte[]? bytes))
                canonical[id] = bytes = CanonicalBytes(records[id]);
            return bytes;
        }
    }

    private static byte[] CanonicalBytes(JsonNode record) => System.Text.Encoding.UTF8.GetBytes(PythonJson.DumpsCanonical(record));
}
