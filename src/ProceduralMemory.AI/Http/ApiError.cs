namespace ProceduralMemory.AI.Http;

/// <summary>The body of every 4xx answer: why the request was refused, in one line.</summary>
/// <param name="Error">The reason.</param>
public sealed record ApiError(string Error);
