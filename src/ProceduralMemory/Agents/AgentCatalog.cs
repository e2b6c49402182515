using ProceduralMemory.Agents.Baselines;
using ProceduralMemory.Environments;

namespace ProceduralMemory.Agents;

/// <summary>The learning agents by name, so the tool and benchmarks can pick one with <c>--agent</c>.</summary>
public static class AgentCatalog
{
    private static readonly SortedDictionary<string, Func<IEnvironment, int, ILearningAgent>> Factories = new(StringComparer.Ordinal)
    {
        ["procmem"] = (env, seed) => new ProceduralMemoryAgent(env, new ProceduralMemoryAgentOptions { Seed = (ulong)seed }),
        ["random"] = (env, seed) => new RandomAgent(env, (ulong)seed),
        ["qlearning"] = (env, seed) => new QLearningAgent(env, new QLearningOptions { Seed = (ulong)seed }),
        ["seed-replay"] = (env, seed) => new SeedReplayAgent(env, (ulong)seed),
    };

    /// <summary>Every agent name, sorted.</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>True when <paramref name="name"/> names an agent.</summary>
    public static bool Contains(string name) => Factories.ContainsKey(name);

    /// <summary>A new agent called <paramref name="name"/> for <paramref name="environment"/>, seeded with <paramref name="seed"/>.</summary>
    public static ILearningAgent Create(string name, IEnvironment environment, int seed) =>
        Factories.TryGetValue(name, out var create)
            ? create(environment, seed)
            : throw new ArgumentException($"Unknown agent '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
}
