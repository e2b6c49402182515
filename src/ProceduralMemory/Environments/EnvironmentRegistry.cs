using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Environments;

/// <summary>
/// Creates environments by their registered names (<c>gridworld</c>, <c>keycorridor-s3r3</c>, ...). Open: an
/// environment defined elsewhere is added with <see cref="Register"/>, as the built-in ones are. The MiniGrid family
/// is also found by its reference ids (<c>MiniGrid-KeyCorridorS3R3-v0</c>), which resolve to procmem's names.
/// </summary>
public static class EnvironmentRegistry
{
    private static readonly Registry<Func<IEnvironment>> Factories = CreateFactories();

    /// <summary>Every registered name, sorted.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Names;

    /// <summary>True when <paramref name="name"/> is registered.</summary>
    public static bool Contains(string name) => Factories.Contains(Resolve(name));

    /// <summary>
    /// Registers <paramref name="factory"/> under <paramref name="name"/>; each call of the factory must return a new
    /// environment whose <see cref="IEnvironment.Name"/> is <paramref name="name"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is blank or already registered (a built-in name included).</exception>
    public static void Register(string name, Func<IEnvironment> factory) => Factories.Register(name, factory);

    /// <summary>A new environment called <paramref name="name"/> (or whose MiniGrid id it is).</summary>
    /// <exception cref="ArgumentException">The name is not registered; the message lists the known ones.</exception>
    public static IEnvironment Create(string name) => Factories.Get(Resolve(name))();

    /// <summary>The registered name <paramref name="name"/> stands for: itself, or procmem's name for a MiniGrid id.</summary>
    public static string Resolve(string name) => MiniGridFamily.FindById(name)?.Name ?? name;

    /// <summary>Removes a registration (tests only: the built-in names stay for the process's life otherwise).</summary>
    internal static bool Unregister(string name) => Factories.Remove(name);

    private static Registry<Func<IEnvironment>> CreateFactories()
    {
        var factories = new Registry<Func<IEnvironment>>("environment");
        factories.Register(GridWorld.RegisteredName, () => new GridWorld());
        foreach (MiniGridTask task in MiniGridFamily.Tasks)
            factories.Register(task.Name, task.Create);
        return factories;
    }
}
