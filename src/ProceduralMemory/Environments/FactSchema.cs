namespace ProceduralMemory.Environments;

/// <summary>
/// The names of the boolean facts an environment reports (e.g. <c>has_key</c>, <c>door_open</c>), in bit order.
/// </summary>
/// <remarks>
/// Facts are named predicates; their truth values travel as bits of a <see cref="ulong"/> (the fast path every
/// condition test uses), so a schema holds at most <see cref="MaximumFacts"/> of them and refuses more rather than
/// dropping any.
/// </remarks>
public sealed class FactSchema
{
    private readonly string[] _names;

    /// <summary>The most facts a schema holds: one bit each in a <see cref="ulong"/>.</summary>
    public const int MaximumFacts = 64;

    /// <summary>
    /// Creates a schema; fact <c>i</c> is bit <c>i</c>. <paramref name="subgoals"/> names the facts whose changes
    /// mark the steps of the environment's task (every fact when null).
    /// </summary>
    public FactSchema(IEnumerable<string> names, IEnumerable<string>? subgoals = null)
    {
        _names = names.ToArray();
        if (_names.Length > MaximumFacts)
            throw new ArgumentException($"A fact schema holds at most {MaximumFacts} facts (one bit each); {_names.Length} were given, and none is dropped silently.", nameof(names));
        if (_names.Distinct(StringComparer.Ordinal).Count() != _names.Length)
            throw new ArgumentException("Fact names must be distinct.", nameof(names));
        Subgoals = subgoals?.ToArray() ?? _names;
        if (Subgoals.FirstOrDefault(s => !_names.Contains(s)) is { } unknown)
            throw new ArgumentException($"Sub-goal '{unknown}' is not one of the facts.", nameof(subgoals));
    }

    /// <summary>
    /// The facts whose changes mark sub-goals of the task (<c>has_key</c>, <c>door_open</c>, <c>at_goal</c> in
    /// DoorKey), where a learner cuts experience into skills unless told otherwise.
    /// </summary>
    public IReadOnlyList<string> Subgoals { get; }

    /// <summary>The number of facts.</summary>
    public int Count => _names.Length;

    /// <summary>The fact names, in bit order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The bit index of the fact called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such fact.</exception>
    public int IndexOf(string name)
    {
        int index = Array.IndexOf(_names, name);
        return index >= 0 ? index : throw new ArgumentException($"Unknown fact '{name}'. Known: {string.Join(", ", _names)}.", nameof(name));
    }

    /// <summary>The mask with one bit set for each named fact.</summary>
    public ulong MaskOf(params ReadOnlySpan<string> names)
    {
        ulong mask = 0;
        foreach (string name in names)
            mask |= 1UL << IndexOf(name);
        return mask;
    }

    /// <summary>Formats the facts selected by <paramref name="mask"/> as <c>{has_key=true, door_open=false}</c>.</summary>
    public string Format(Facts facts, ulong mask)
    {
        var parts = new List<string>();
        for (int i = 0; i < _names.Length; i++)
            if ((mask & (1UL << i)) != 0)
                parts.Add($"{_names[i]}={(facts.Get(i) ? "true" : "false")}");
        return "{" + string.Join(", ", parts) + "}";
    }
}
