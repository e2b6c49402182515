using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace ProceduralMemory.AI.Http;

/// <summary>One tool call of a <see cref="TrajectoryRequest"/>.</summary>
/// <param name="Name">The tool.</param>
/// <param name="Arguments">Its arguments, a JSON object.</param>
/// <param name="Result">What it returned: a string, or any JSON value (taken as its JSON text); absent when unknown.</param>
/// <param name="IsError">True when the call failed.</param>
public sealed record TrajectoryCall(
    [property: Required] string? Name = null, [property: Required] JsonElement? Arguments = null, JsonElement? Result = null, bool? IsError = null);
