using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// A tau-bench domain's database: its tables by name (retail: users, orders, products; airline: users, flights,
/// reservations), each a JSON object of records by id. An episode works on a <see cref="Fork"/> of the initial one.
/// </summary>
public sealed class TauDatabase
{
    private readonly Dictionary<string, TauTable> tables;

    /// <summary>A database of <paramref name="tables"/>.</summary>
    public TauDatabase(IEnumerable<TauTable> tables) => this.tables = tables.ToDictionary(t => t.Name);

    /// <summary>Loads the tables named <paramref name="names"/> from <c>NAME.json</c> files in <paramref name="directory"/>.</summary>
    public static TauDatabase Load(string directory, IEnumerable<string> names)
    {
        var loaded = new List<TauTable>();
        foreach (string name in names)
        {
            string path = Path.Combine(directory, name + ".json");
            if (PythonJson.Parse(File.ReadAllText(path)) is not JsonObject root)
                throw new InvalidDataException($"{path} is not a JSON object of records.");
            var records = new List<KeyValuePair<string, JsonObject>>();
            foreach (var (id, record) in root)
                records.Add(new(id, record as JsonObject ?? throw new InvalidDataException($"{path}: record {id} is not an object.")));
            foreach (var pair in records)
                root.Remove(pair.Key);
            loaded.Add(new TauTable(name, records));
        }
        return new TauDatabase(loaded);
    }

    /// <summary>The table called <paramref name="name"/>.</summary>
    public TauTable this[string name] => tables[name];

    /// <summary>Every table, by name.</summary>
    public IReadOnlyDictionary<string, TauTable> Tables => tables;

    /// <summary>A fresh working copy for an episode: changes to it never reach this database's records.</summary>
    public TauDatabase Fork() => new(tables.Values.Select(t => t.Fork()));

    /// <summary>
    /// The SHA-256 (lower-case hex) of the database written as <c>json.dumps(data, sort_keys=True, separators=(",", ":"),
    /// ensure_ascii=False)</c>; untouched records reuse the initial database's cached text.
    /// </summary>
    public string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var scratch = new StringBuilder();
        hash.AppendData("{"u8);
        bool firstTable = true;
        foreach (string name in tables.Keys.OrderBy(k => k, CodePointComparer.Instance))
        {
            if (!firstTable)
                hash.AppendData(","u8);
            firstTable = false;
            AppendKey(hash, scratch, name);
            hash.AppendData("{"u8);
            TauTable table = tables[name];
            bool first = true;
            foreach (string id in table.SortedIds())
            {
                if (!first)
                    hash.AppendData(","u8);
                first = false;
                AppendKey(hash, scratch, id);
                hash.AppendData(table.CanonicalOf(id));
            }
            hash.AppendData("}"u8);
        }
        hash.AppendData("}"u8);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every record that differs from the initial database (or is new), by table then id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonObject>> Changed()
    {
        var changed = new Dictionary<string, IReadOnlyDictionary<string, JsonObject>>();
        foreach (var (name, table) in tables)
        {
            var records = table.Changed().ToDictionary(p => p.Key, p => p.Value);
            if (records.Count > 0)
                changed[name] = records;
        }
        return changed;
    }

    private static void AppendKey(IncrementalHash hash, StringBuilder scratch, string key)
    {
        scratch.Clear();
        PythonJson.WriteString(scratch, key, ensureAscii: false);
        scratch.Append(':');
        hash.AppendData(Encoding.UTF8.GetBytes(scratch.ToString()));
    }
}
