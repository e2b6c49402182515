using ProceduralMemory.Environments;
using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Agents.Perception;

/// <summary>Chooses the episode memory that fits an environment's observations.</summary>
public static class EpisodeMemory
{
    /// <summary>A new memory for <paramref name="environment"/>.</summary>
    public static IEpisodeMemory For(IEnvironment environment) => environment switch
    {
        GridWorld => new GridWorldMemory(),
        MiniGridEnvironment => new MiniGridMemory(),
        _ => throw new ArgumentException($"No episode memory is defined for environment '{environment.Name}'.", nameof(environment)),
    };
}
