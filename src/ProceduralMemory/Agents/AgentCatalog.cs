using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Agents;

/// <summary>
/// The learning agents by name, so the tool and benchmarks can pick one with <c>--agent</c>. Open: an agent defined
/// elsewhere is added with <see cref="Register"/>, as the built-in ones are.
/// </summary>
public static class AgentCatalog
{
    private static readonly Registry<Func<IEnvironment, int, ILearningAgent>> Factories = CreateFactories();

    /// <summary>Every agent name, sorted.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Names;

    /// <summary>True when <paramref name="name"/> names an agent.</summary>
    public static bool Contains(string name) => Factories.Contains(name);

    /// <summary>
    /// Registers <paramref name="factory"/> (environment, seed to new agent) under <paramref name="name"/>; the agents
    /// it makes should report <paramref name="name"/> as their <see cref="ILearningAgent.Name"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is blank or already registered (a built-in name included).</exception>
    public static void Register(string name, Func<IEnvironment, int, ILearningAgent> factory) => Factories.Register(name, factory);

    /// <summary>A new agent called <paramref name="name"/> for <paramref name="environment"/>, seeded with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The name is not registered; the message lists the known ones.</exception>
    public static ILearningAgent Create(string name, IEnvironment environment, int seed) => Factories.Get(name)(environment, seed);

    /// <summary>Removes a registration (tests only: the built-in names stay for the process's life otherwise).</summary>
    internal static bool Unregister(string name) => Factories.Remove(name);

    private static Registry<Func<IEnvironment, int, ILearningAgent>> CreateFactories()
    {
        var factories = new Registry<Func<IEnvironment, int, ILearningAgent>>("agent");
        factories.Register("procmem", (env, seed) => new ProceduralMemoryAgent(env, new ProceduralMemoryAgentOptions { Seed = (ulong)seed }));
        factories.Register("random", (env, seed) => new RandomAgent(env, (ulong)seed));
        factories.Register("qlearning", (env, seed) => new QLearningAgent(env, new QLearningOptions { Seed = (ulong)seed }));
        factories.Register("ppo", (env, seed) => new PpoAgent(env, new PpoOptions { Seed = (ulong)seed }));
        factories.Register("seed-replay", (env, seed) => new SeedReplayAgent(env, (ulong)seed));
        return factories;
    }
}
