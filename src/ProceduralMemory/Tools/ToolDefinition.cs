using System.Text.Json;

namespace ProceduralMemory.Tools;

/// <summary>A tool an agent may call: its name, what it does, the JSON schema of its arguments, and whether it changes the world.</summary>
/// <param name="Name">The name a call uses.</param>
/// <param name="Description">What the tool does, for a reader or a language model.</param>
/// <param name="Parameters">The JSON schema (an object schema) its arguments must satisfy.</param>
/// <param name="ChangesState">True when a call may change the environment's state (a return, a cancellation); false for look-ups.</param>
public sealed record ToolDefinition(string Name, string Description, JsonElement Parameters, bool ChangesState);
