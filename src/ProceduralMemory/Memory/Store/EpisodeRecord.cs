using ProceduralMemory.Learning;

namespace ProceduralMemory.Memory.Store;

/// <summary>
/// One training episode as episodic memory keeps it: where it was played and its raw trajectory (poses, facts,
/// actions and rewards; features are not kept, a trajectory is evidence, not training data).
/// </summary>
/// <param name="Environment">The environment's registered name.</param>
/// <param name="LayoutSeed">The layout it was played on.</param>
/// <param name="Return">The sum of rewards.</param>
/// <param name="Success">Whether the task was completed.</param>
/// <param name="Steps">The trajectory, with empty feature vectors.</param>
public sealed record EpisodeRecord(string Environment, int LayoutSeed, double Return, bool Success, IReadOnlyList<AgentStep> Steps);
