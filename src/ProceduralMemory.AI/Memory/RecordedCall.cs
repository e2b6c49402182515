using System.Text.Json;

namespace ProceduralMemory.AI.Memory;

/// <summary>One tool call an agent made, as a client reports it: the tool, its arguments and, when known, what it returned.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Arguments">The arguments, a JSON object.</param>
/// <param name="Result">The result's text (JSON for most tools), or null when the client did not report it.</param>
/// <param name="IsError">True when the call failed (its result is an error message).</param>
public sealed record RecordedCall(string Name, JsonElement Arguments, string? Result = null, bool IsError = false);
