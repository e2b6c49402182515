namespace ProceduralMemory.Environments;

/// <summary>A discrete action space whose actions have names (e.g. <c>move_up</c>, <c>toggle</c>).</summary>
public sealed class ActionSpace
{
    private readonly string[] _names;

    /// <summary>Creates an action space; action <c>i</c> is named <c>names[i]</c>.</summary>
    public ActionSpace(IEnumerable<string> names)
    {
        _names = names.ToArray();
        if (_names.Length == 0)
            throw new ArgumentException("An action space needs at least one action.", nameof(names));
        if (_names.Distinct(StringComparer.Ordinal).Count() != _names.Length)
            throw new ArgumentException("Action names must be distinct.", nameof(names));
    }

    /// <summary>The number of actions.</summary>
    public int Count => _names.Length;

    /// <summary>The action names, in index order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The name of action <paramref name="action"/>.</summary>
    public string NameOf(int action) => _names[action];

    /// <summary>True when <paramref name="action"/> is a valid index.</summary>
    public bool Contains(int action) => (uint)action < (uint)_names.Length;

    /// <summary>The index of the action called <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => Array.IndexOf(_names, name);
}
