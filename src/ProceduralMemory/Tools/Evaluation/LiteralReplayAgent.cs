using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Tools.Agents;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tools.Evaluation;

/// <summary>
/// The episodic-memory baseline: it keeps every demonstration whole, and for a new task replays the calls of the one
/// whose instruction is nearest (by the same keys the procedures use), word for word. It shows what remembering
/// without abstracting buys.
/// </summary>
public sealed class LiteralReplayAgent
{
    private readonly IKeyProvider<string> keys;
    private readonly List<(ToolDemonstration Demonstration, float[] Key)> memory = [];

    /// <summary>An agent that remembers demonstrations by keys from <paramref name="keys"/>.</summary>
    public LiteralReplayAgent(IKeyProvider<string> keys) => this.keys = keys ?? throw new ArgumentNullException(nameof(keys));

    /// <summary>Remembers <paramref name="demonstration"/>.</summary>
    public void Remember(ToolDemonstration demonstration)
    {
        ArgumentNullException.ThrowIfNull(demonstration);
        memory.Add((demonstration, keys.KeyOf(demonstration.Instruction)));
    }

    /// <summary>Replays the nearest demonstration's calls for <paramref name="task"/> on <paramref name="environment"/> (reset first).</summary>
    public ToolEpisode Solve(IToolEnvironment environment, ToolTask task)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(task);
        environment.Reset(task);
        var calls = new List<ToolStep>();
        if (memory.Count > 0)
        {
            float[] query = keys.KeyOf(task.Instruction);
            // The earliest of equally near demonstrations: deterministic.
            var nearest = memory.Select((m, i) => (m.Demonstration, Similarity: VectorMath.CosineSimilarity(query, m.Key), i))
                .OrderByDescending(m => m.Similarity).ThenBy(m => m.i).First();
            foreach (ToolCall call in nearest.Demonstration.Calls)
                calls.Add(new ToolStep(call, environment.Invoke(call)));
        }
        return new ToolEpisode(task, calls, [], environment.Evaluate([]));
    }
}
