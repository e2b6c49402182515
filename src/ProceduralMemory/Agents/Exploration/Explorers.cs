using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>Chooses the explorer that fits a perception.</summary>
public static class Explorers
{
    /// <summary>
    /// A <see cref="NoveltyExplorer"/> when <paramref name="perception"/> tracks the agent's pose, else a
    /// <see cref="CountExplorer"/> over its state keys.
    /// </summary>
    public static IExplorer For(IPerception perception, int actionCount, ulong factMask, ExplorationOptions options) =>
        perception is IPoseTracking
            ? new NoveltyExplorer(actionCount, factMask, options)
            : new CountExplorer(actionCount, factMask, options);
}
