namespace ProceduralMemory.Memory.Store;

/// <summary>
/// Which skills to forget: those at least <see cref="MinAgeEpisodes"/> library episodes old that have been used at
/// least <see cref="MinUses"/> times and succeed less often than <see cref="MinSuccessRate"/>. Age is counted in the
/// library's own episodes, not wall-clock time, so pruning is a function of what the library has been through.
/// </summary>
public sealed record PruneRule
{
    /// <summary>Skills succeeding less often than this (0..1) are candidates.</summary>
    public required double MinSuccessRate { get; init; }

    /// <summary>Only skills used at least this often are judged (a rate from two uses is not evidence).</summary>
    public int MinUses { get; init; } = 1;

    /// <summary>Only skills created at least this many library episodes ago are judged.</summary>
    public long MinAgeEpisodes { get; init; }

    /// <summary>Whether the rule selects a skill with these statistics, created at <paramref name="createdEpisode"/>, when the library has run <paramref name="episodes"/> episodes.</summary>
    public bool Selects(int uses, int successes, long createdEpisode, long episodes) =>
        uses >= MinUses && successes < MinSuccessRate * uses && episodes - createdEpisode >= MinAgeEpisodes;
}
