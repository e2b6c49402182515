using System.ComponentModel.DataAnnotations;

namespace ProceduralMemory.AI.Http;

/// <summary>The body of <c>POST /procedures/recall</c>.</summary>
/// <remarks>Fields are nullable so that a missing one is told apart from its default and refused with a reason; [Required] marks them so in the OpenAPI document.</remarks>
/// <param name="Task">The task in words.</param>
/// <param name="K">How many procedures at most (default 3).</param>
public sealed record RecallRequest([property: Required] string? Task = null, int? K = null);
