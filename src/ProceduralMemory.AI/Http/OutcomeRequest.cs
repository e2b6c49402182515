namespace ProceduralMemory.AI.Http;

/// <summary>The body of <c>POST /procedures/{id}/outcome</c>.</summary>
/// <param name="Success">Whether the procedure succeeded.</param>
/// <param name="Notes">What happened, in words (accepted for the client's log; the library keeps counts only).</param>
public sealed record OutcomeRequest(bool? Success, string? Notes);
