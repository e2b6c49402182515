namespace ProceduralMemory.AI.Http;

/// <summary>The body of <c>POST /trajectories</c>, as the MCP tool <c>record_trajectory</c> takes it.</summary>
/// <param name="Task">The task the calls were made for.</param>
/// <param name="Calls">The tool calls, in order.</param>
/// <param name="Success">Whether the task succeeded.</param>
public sealed record TrajectoryRequest(string? Task, IReadOnlyList<TrajectoryCall?>? Calls, bool? Success);
