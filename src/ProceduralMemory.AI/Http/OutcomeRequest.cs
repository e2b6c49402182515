using System.ComponentModel.DataAnnotations;

namespace ProceduralMemory.AI.Http;

/// <summary>The body of <c>POST /procedures/{id}/outcome</c>.</summary>
/// <remarks>Fields are nullable so that a missing one is told apart from its default and refused with a reason; [Required] marks them so in the OpenAPI document.</remarks>
/// <param name="Success">Whether the procedure succeeded.</param>
/// <param name="Notes">What happened, in words (accepted for the client's log; the library keeps counts only).</param>
public sealed record OutcomeRequest([property: Required] bool? Success = null, string? Notes = null);
