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
    private readonly Dictionary<string, FactAchievement> _achievements;

    /// <summary>The most facts a schema holds: one bit each in a <see cref="ulong"/>.</summary>
    public const int MaximumFacts = 64;

    /// <summary>
    /// Creates a schema; fact <c>i</c> is bit <c>i</c>. <paramref name="subgoals"/> names the facts whose changes
    /// mark the steps of the environment's task (every fact when null). <paramref name="achievements"/> names what
    /// making a fact true or false achieves (<see cref="NameOf"/>); facts without one are named by the fact.
    /// </summary>
    public FactSchema(IEnumerable<string> names, IEnumerable<string>? subgoals = null, IEnumerable<FactAchievement>? achievements = null)
    {
        _names = names.ToArray();
        if (_names.Length > MaximumFacts)
            throw new ArgumentException($"A fact schema holds at most {MaximumFacts} facts (one bit each); {_names.Length} were given, and none is dropped silently.", nameof(names));
        if (_names.Distinct(StringComparer.Ordinal).Count() != _names.Length)
            throw new ArgumentException("Fact names must be distinct.", nameof(names));
        Subgoals = subgoals?.ToArray() ?? _names;
        if (Subgoals.FirstOrDefault(s => !_names.Contains(s)) is { } unknown)
            throw new ArgumentException($"Sub-goal '{unknown}' is not one of the facts.", nameof(subgoals));
        _achievements = new Dictionary<string, FactAchievement>(StringComparer.Ordinal);
        foreach (FactAchievement achievement in achievements ?? [])
        {
            if (!_names.Contains(achievement.Fact))
                throw new ArgumentException($"Achievement of '{achievement.Fact}', which is not one of the facts.", nameof(achievements));
            if (!_achievements.TryAdd(achievement.Fact, achievement))
                throw new ArgumentException($"Fact '{achievement.Fact}' has two achievement names.", nameof(achievements));
        }
    }

    /// <summary>What making facts true or false achieves, for the facts that have a name for it.</summary>
    public IReadOnlyCollection<FactAchievement> Achievements => _achievements.Values;

    /// <summary>
    /// A readable name for reaching <paramref name="effect"/>, from what each of its facts' values achieves, in bit
    /// order, joined by <c>+</c>: <c>pickup(key)</c>, <c>pickup(box)+pickup(mission_object)</c>, <c>drop(key)</c>. A fact
    /// without an achievement name is <c>achieve_{fact}</c> (<c>achieve_not_{fact}</c> made false); a schema with no
    /// achievement names at all joins the facts as <c>achieve_{fact}_and_{fact}</c>, the names libraries had before.
    /// </summary>
    public string NameOf(FactCondition effect)
    {
        var parts = new List<(string Plain, string? Achievement)>();
        for (int i = 0; i < _names.Length; i++)
        {
            if ((effect.Mask & (1UL << i)) == 0)
                continue;
            bool value = ((effect.Values >> i) & 1) != 0;
            string? achievement = _achievements.TryGetValue(_names[i], out FactAchievement? a) ? value ? a.MadeTrue : a.MadeFalse : null;
            parts.Add(((value ? "" : "not_") + _names[i], achievement));
        }
        return parts.All(p => p.Achievement is null)
            ? "achieve_" + string.Join("_and_", parts.Select(p => p.Plain))
            : string.Join("+", parts.Select(p => p.Achievement ?? "achieve_" + p.Plain));
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
