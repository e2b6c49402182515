namespace ProceduralMemory.Tools.Agents;

/// <summary>How a <see cref="ProcedureAgent"/> recalls and runs procedures.</summary>
public sealed record ProcedureAgentOptions
{
    /// <summary>The default <see cref="SimilarityFloor"/>.</summary>
    public const float DefaultSimilarityFloor = 0.2f;

    /// <summary>The least cosine similarity between a clause and a procedure's key for the procedure to be tried.</summary>
    public float SimilarityFloor { get; init; } = DefaultSimilarityFloor;

    /// <summary>
    /// A procedure whose uses so far (at least <see cref="UsesToJudge"/>) succeeded less often than this is no longer
    /// run: what practice taught it does more harm than good.
    /// </summary>
    public double MinSuccessRate { get; init; } = 0.25;

    /// <summary>Uses a procedure needs before its success rate is trusted.</summary>
    public int UsesToJudge { get; init; } = 3;

    /// <summary>How many procedures are recalled per clause, tried most similar first until one completes.</summary>
    public int Candidates { get; init; } = 3;

    /// <summary>
    /// True to run every recalled procedure of a clause that completes (a clause may ask for two things: "return the
    /// bottle and exchange the lamp"); false to stop at the first.
    /// </summary>
    public bool SeveralPerClause { get; init; }

    /// <summary>The most tool calls one procedure run makes.</summary>
    public int MaxCallsPerProcedure { get; init; } = 60;

    /// <summary>True to record each use's outcome in the procedure's statistics.</summary>
    public bool Learn { get; init; } = true;
}
