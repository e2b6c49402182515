namespace ProceduralMemory.AI.Memory;

/// <summary>What recording a trajectory did to the library.</summary>
/// <param name="Learned">The procedures induced from a successful trajectory: each stored id and whether it is new (false: a stored procedure of the same identity counted the demonstration).</param>
/// <param name="Followed">The stored procedures the trajectory carried out (their state-changing tools were all called), each counted as one use that succeeded or failed with the trajectory.</param>
public sealed record RecordingResult(IReadOnlyList<LearnedProcedure> Learned, IReadOnlyList<ProcedureView> Followed);

/// <summary>A procedure induced from a recorded trajectory.</summary>
/// <param name="Id">Its stored id.</param>
/// <param name="Created">True when it is new; false when a stored procedure of the same identity counted the demonstration instead.</param>
/// <param name="Name">Its name.</param>
public sealed record LearnedProcedure(int Id, bool Created, string Name);
