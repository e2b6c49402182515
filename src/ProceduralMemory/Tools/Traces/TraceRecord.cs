using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tools.Traces;

/// <summary>One demonstration read from a trace file.</summary>
/// <param name="Demonstration">The instruction and the calls that carried it out.</param>
/// <param name="Trajectory">The same calls with their results, when every call in the line has a result; otherwise null.</param>
/// <param name="Success">Whether the demonstration succeeded: the line's "success" (procmem traces default to true), or null when a transcript does not say.</param>
public sealed record TraceRecord(ToolDemonstration Demonstration, ToolTrajectory? Trajectory, bool? Success);
