using System.ComponentModel.DataAnnotations;

namespace ProceduralMemory.AI.Http;

/// <summary>The body of <c>POST /trajectories</c>, as the MCP tool <c>record_trajectory</c> takes it.</summary>
/// <remarks>Fields are nullable so that a missing one is told apart from its default and refused with a reason; [Required] marks them so in the OpenAPI document.</remarks>
/// <param name="Task">The task the calls were made for.</param>
/// <param name="Calls">The tool calls, in order.</param>
/// <param name="Success">Whether the task succeeded.</param>
public sealed record TrajectoryRequest(
    [property: Required] string? Task = null, [property: Required] IReadOnlyList<TrajectoryCall?>? Calls = null, [property: Required] bool? Success = null);
