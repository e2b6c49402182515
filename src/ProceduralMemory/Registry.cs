namespace ProceduralMemory;

/// <summary>
/// Factories by name, open to registration: what <see cref="Environments.EnvironmentRegistry"/> and
/// <see cref="Agents.AgentCatalog"/> keep. Safe to use from several threads.
/// </summary>
/// <typeparam name="TFactory">The factory type.</typeparam>
/// <param name="kind">What the names name, for messages (<c>environment</c>, <c>agent</c>).</param>
internal sealed class Registry<TFactory>(string kind)
{
    private readonly SortedDictionary<string, TFactory> _factories = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Every registered name, sorted (a snapshot).</summary>
    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_lock)
                return _factories.Keys.ToArray();
        }
    }

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public bool Contains(string name)
    {
        lock (_lock)
            return _factories.ContainsKey(name);
    }

    /// <summary>Registers <paramref name="factory"/> under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, blank or already registered.</exception>
    public void Register(string name, TFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        lock (_lock)
        {
            if (!_factories.TryAdd(name, factory))
                throw new ArgumentException($"An {kind} called '{name}' is already registered; choose another name.", nameof(name));
        }
    }

    /// <summary>Removes <paramref name="name"/> (for tests that register and must leave the registry as they found it).</summary>
    public bool Remove(string name)
    {
        lock (_lock)
            return _factories.Remove(name);
    }

    /// <summary>The factory registered under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not registered; the message lists the known ones.</exception>
    public TFactory Get(string name)
    {
        lock (_lock)
        {
            return _factories.TryGetValue(name, out TFactory? factory)
                ? factory
                : throw new ArgumentException($"Unknown {kind} '{name}'. Known: {string.Join(", ", _factories.Keys)}.", nameof(name));
        }
    }
}
