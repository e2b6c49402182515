using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tools.Agents;

/// <summary>
/// An agent with procedural memory and no language model: it cuts a task's instruction into clauses, recalls for each
/// the procedures whose keys are nearest the clause's embedding (through the library's index), runs the most similar
/// one that completes (binding its slots from the clause and the text, its look-ups from results as they arrive, and
/// moving to the next candidate after a failure), never makes the same state change twice, records how each use
/// turned out in the procedure's statistics, and no longer runs a procedure whose uses mostly failed. It tells the user nothing: it has no words of its own.
/// </summary>
public sealed class ProcedureAgent
{
    private readonly SkillLibrary library;
    private readonly IKeyProvider<string> keys;

    /// <summary>An agent recalling from <paramref name="library"/> (skills with <see cref="ProcedurePolicy"/>) by keys from <paramref name="keys"/>.</summary>
    public ProcedureAgent(SkillLibrary library, IKeyProvider<string> keys, ProcedureAgentOptions? options = null)
    {
        this.library = library ?? throw new ArgumentNullException(nameof(library));
        this.keys = keys ?? throw new ArgumentNullException(nameof(keys));
        if (keys.Dimension != library.EmbeddingDimension)
            throw new ArgumentException($"The key provider gives {keys.Dimension} numbers; the library's keys have {library.EmbeddingDimension}.", nameof(keys));
        Options = options ?? new ProcedureAgentOptions();
    }

    /// <summary>The agent's options.</summary>
    public ProcedureAgentOptions Options { get; }

    /// <summary>Carries out <paramref name="task"/> on <paramref name="environment"/> (reset first) and returns what it did and how it was judged.</summary>
    public ToolEpisode Solve(IToolEnvironment environment, ToolTask task)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(task);
        environment.Reset(task);
        var runner = new ProcedureRunner(environment, Options.MaxCallsPerProcedure);
        var calls = new List<ToolStep>();
        var uses = new List<ProcedureUse>();
        bool AlreadyDone(ToolCall call) => calls.Any(s => !s.Result.IsError && s.Call.SameAs(call));
        foreach (var (_, clause) in TextMentions.Clauses(task.Instruction))
        {
            float[] query = keys.KeyOf(clause);
            int tried = 0;
            foreach (Skill skill in library.Retrieve(default(Facts), query, Options.Candidates))
            {
                float similarity = VectorMath.CosineSimilarity(query, skill.Key);
                if (similarity < Options.SimilarityFloor || skill.Policy is not ProcedurePolicy policy || Discredited(skill))
                    continue;
                // Only the procedure the clause is most like may guess an enumerated value the clause leaves out: a
                // fallback tried after it failed ("renew" after a "return" that could not be made) must not change
                // the state on a guess.
                ProcedureRun run = runner.Run(policy.Procedure, clause, task.Instruction, AlreadyDone, usualValues: tried++ == 0);
                calls.AddRange(run.Steps);
                uses.Add(new ProcedureUse(clause, skill, similarity, run.Completed, run.Failure));
                if (run.Completed && !Options.SeveralPerClause)
                    break;
            }
        }
        ToolEvaluation evaluation = environment.Evaluate([]);
        if (Options.Learn)
            foreach (ProcedureUse use in uses)
                use.Skill.Statistics.RecordUse(use.Completed && evaluation.Success);
        return new ToolEpisode(task, calls, uses, evaluation);
    }

    private bool Discredited(Skill skill) =>
        skill.Statistics.Uses >= Options.UsesToJudge && skill.Statistics.SuccessRate < Options.MinSuccessRate;
}
