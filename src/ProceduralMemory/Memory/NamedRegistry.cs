using System.Collections.Concurrent;
using ProceduralMemory.Memory.Store;

namespace ProceduralMemory.Memory;

/// <summary>
/// A thread-safe table of named extensions (policy kinds, domains): built-ins at construction, more registered by a
/// program before it opens a library that needs them. A name, once taken, keeps its implementation type.
/// </summary>
/// <typeparam name="T">The extension's type.</typeparam>
internal sealed class NamedRegistry<T> where T : class
{
    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly string _what;
    private readonly string _registerWith;

    /// <summary>A registry of <paramref name="what"/> (e.g. "policy kind"), registered with <paramref name="registerWith"/> (for messages).</summary>
    public NamedRegistry(string what, string registerWith, params (string Name, T Entry)[] builtIns)
    {
        (_what, _registerWith) = (what, registerWith);
        foreach (var (name, entry) in builtIns)
            _entries[name] = entry;
    }

    /// <summary>The registered names, sorted.</summary>
    public IReadOnlyList<string> Names => [.. _entries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Registers <paramref name="entry"/> under <paramref name="name"/>; the same type again is allowed.</summary>
    /// <exception cref="ArgumentException">Another type already has that name.</exception>
    public void Register(string name, T entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        T registered = _entries.GetOrAdd(name, entry);
        if (registered.GetType() != entry.GetType())
            throw new ArgumentException($"The {_what} '{name}' is already registered by {registered.GetType().Name}.", nameof(entry));
    }

    /// <summary>The entry called <paramref name="name"/>.</summary>
    /// <exception cref="LibraryException">Nothing of that name is registered.</exception>
    public T Get(string name) =>
        _entries.TryGetValue(name, out T? entry)
            ? entry
            : throw new LibraryException($"the {_what} '{name}' is not registered (known: {string.Join(", ", Names)}); register it with {_registerWith}");
}
