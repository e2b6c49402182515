using System.Text.Json.Nodes;

namespace ProceduralMemory.Tools.Procedures.Induction;

/// <summary>A read-only call the inducer made while explaining a demonstration, with its parsed result.</summary>
/// <param name="Call">The call.</param>
/// <param name="Result">Its result as JSON (a string for plain text).</param>
/// <param name="Round">The look-up round it was made in (0: from the demonstration and the text alone).</param>
public sealed record PoolEntry(ToolCall Call, JsonNode Result, int Round);
