using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Environments;

/// <summary>Creates environments by their registered names (<c>gridworld</c>, ...).</summary>
public static class EnvironmentRegistry
{
    private static readonly SortedDictionary<string, Func<IEnvironment>> Factories = CreateFactories();

    /// <summary>Every registered name, sorted.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name) => Factories.ContainsKey(name);

    /// <summary>A new environment called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is not registered; the message lists the known ones.</exception>
    public static IEnvironment Create(string name) =>
        Factories.TryGetValue(name, out var create)
            ? create()
            : throw new ArgumentException($"Unknown environment '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));

    private static SortedDictionary<string, Func<IEnvironment>> CreateFactories()
    {
        var factories = new SortedDictionary<string, Func<IEnvironment>>(StringComparer.Ordinal)
        {
            [GridWorld.RegisteredName] = () => new GridWorld(),
        };
        foreach (int size in DoorKeyEnvironment.RegisteredSizes)
            factories[DoorKeyEnvironment.NameOf(size)] = () => new DoorKeyEnvironment(size);
        return factories;
    }
}
