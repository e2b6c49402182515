namespace ProceduralMemory.Tools.Tau;

/// <summary>
/// A tau-bench domain as an <see cref="IToolEnvironment"/>: each episode works on a fresh copy of the domain's
/// database, and the evaluation is the reference's reward (same final database as the ground truth's, every required
/// output said).
/// </summary>
public sealed class TauEnvironment : IToolEnvironment
{
    private readonly TauDomain domain;
    private ToolTask? task;

    /// <summary>An environment on <paramref name="domain"/>, ready with a fresh database (no task yet).</summary>
    public TauEnvironment(TauDomain domain)
    {
        this.domain = domain ?? throw new ArgumentNullException(nameof(domain));
        Database = domain.Database.Fork();
    }

    /// <inheritdoc />
    public IReadOnlyList<ToolDefinition> Tools => domain.Tools;

    /// <summary>The episode's database.</summary>
    public TauDatabase Database { get; private set; }

    /// <summary>The digest of the episode's database as it is now.</summary>
    public string Digest => Database.Digest();

    /// <inheritdoc />
    public void Reset(ToolTask task)
    {
        this.task = task ?? throw new ArgumentNullException(nameof(task));
        Database = domain.Database.Fork();
    }

    /// <inheritdoc />
    public ToolResult Invoke(ToolCall call) => domain.Invoke(Database, call);

    /// <inheritdoc />
    public ToolEvaluation Evaluate(IReadOnlyList<string> toldUser)
    {
        ArgumentNullException.ThrowIfNull(toldUser);
        ToolTask current = task ?? throw new InvalidOperationException("Reset the environment with a task before evaluating it.");
        return new ToolEvaluation(Digest == GroundTruthDigest(current), OutputsGiven(current.Outputs, toldUser));
    }

    /// <summary>The digest of a fresh database after the task's ground-truth calls.</summary>
    public string GroundTruthDigest(ToolTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        TauDatabase truth = domain.Database.Fork();
        foreach (ToolCall call in task.Actions)
            domain.Invoke(truth, call);
        return truth.Digest();
    }

    /// <summary>
    /// The reference's output check: each required output, lower-cased, appears in some message told to the user,
    /// lower-cased with its commas removed (so <c>1,234.5</c> said counts for <c>1234.5</c>).
    /// </summary>
    public static bool OutputsGiven(IReadOnlyList<string> outputs, IReadOnlyList<string> toldUser)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(toldUser);
        var said = toldUser.Select(m => m.ToLowerInvariant().Replace(",", "", StringComparison.Ordinal)).ToList();
        return outputs.All(o => said.Any(m => m.Contains(o.ToLowerInvariant(), StringComparison.Ordinal)));
    }
}
