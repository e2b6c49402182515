using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Planning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents;

/// <summary>Every hyper-parameter of the <see cref="ProceduralMemoryAgent"/>, in one place.</summary>
public sealed record ProceduralMemoryAgentOptions
{
    /// <summary>
    /// The perceived facts whose changes mark sub-goal boundaries (facts the environment lacks are ignored); null
    /// for the environment's own <see cref="Environments.FactSchema.Subgoals"/>.
    /// </summary>
    public IReadOnlyList<string>? SubgoalFacts { get; init; }

    /// <summary>
    /// How similar (cosine of keys) a segment's start must be to a skill with the same preconditions and effect to
    /// count as a demonstration of it. Negative infinity: every such segment is that skill, however its start looks,
    /// which is also a store's uniqueness rule, so agents sharing a store agree on what is one skill.
    /// </summary>
    public float MatchSimilarity { get; init; } = float.NegativeInfinity;

    /// <summary>How the explorer looks ahead and judges what actions do.</summary>
    public ExplorationOptions Exploration { get; init; } = new();

    /// <summary>How the applicable skills are ranked.</summary>
    public SelectionOptions Selection { get; init; } = new();

    /// <summary>How the agent plans over its skills towards a goal its observation states (a mission).</summary>
    public SkillPlannerOptions Planning { get; init; } = new();

    /// <summary>
    /// Whether a successful training episode towards a stated goal turns the chain of skills that reached it into a
    /// composite skill (<see cref="Memory.SkillChainPolicy"/>), which the planner may then use as one step.
    /// </summary>
    public bool ComposeChains { get; init; } = true;

    /// <summary>Length of skill keys and state queries.</summary>
    public int EmbeddingDimension { get; init; } = 32;

    /// <summary>Hidden layer sizes of each skill's network.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [64];

    /// <summary>Demonstrations kept per skill, in memory and in a store (the oldest is dropped first).</summary>
    public int DemonstrationsPerSkill { get; init; } = 48;

    /// <summary>Behaviour cloning settings for each retraining (training continues from the current weights).</summary>
    public BehaviourCloningOptions Cloning { get; init; } = new() { Epochs = 12, BatchSize = 32, LearningRate = 3e-3f };

    /// <summary>A skill execution that returns to one state (the perception's key with the sub-goal facts) this often is making no progress: a failure.</summary>
    public int StuckVisits { get; init; } = 3;

    /// <summary>A skill execution may take this many times its longest demonstration ...</summary>
    public double StepLimitFactor { get; init; } = 2.0;

    /// <summary>... plus this many steps, before it counts as failed.</summary>
    public int StepLimitSlack { get; init; } = 10;

    /// <summary>Exploration steps taken after a skill fails, before skills are tried again.</summary>
    public int ExplorationAfterFailure { get; init; } = 6;

    /// <summary>
    /// Whether a running skill whose effect the explorer cannot plan to yet (nothing that achieves it has been seen
    /// this episode) explores instead of following its network: in a large world the network's guess of where things
    /// usually are wanders, where exploring finds them.
    /// </summary>
    public bool ExploreForUnplannedSkills { get; init; } = true;

    /// <summary>
    /// Attention retrieval: when a skill's network chooses the action, the skills with the same effect that could act
    /// are weighed by attention over their keys' similarity to the situation and their action distributions blended
    /// (<see cref="AttentionRetrieval"/>); a skill that fits exactly acts alone. Null: the chosen skill's network
    /// alone (top-1), exactly as before.
    /// </summary>
    public AttentionRetrievalOptions? Attention { get; init; }

    /// <summary>
    /// The skill lifecycle: after each training episode, skills this rule judges failing are retired (kept in the
    /// library and its store, no longer selected; <c>procmem skills restore</c> brings one back). Null: never retire.
    /// </summary>
    public RetirementRule? Retirement { get; init; } = new();

    /// <summary>
    /// Adaptation with the original protected: when a skill failed during a training episode, a demonstration of it
    /// from that episode is not added to it; a copy of its network is fine-tuned on the demonstration instead and, if
    /// the copy imitates held-out steps of it better than the original, kept as a new variant of the skill whose key
    /// is the new situation's. The original's weights are never changed by it. Null (the default): off. In a store the
    /// variant is its own row (<see cref="Skill.Variant"/>), labelled by its key, beside the original.
    /// </summary>
    public Learning.SkillAdaptationOptions? Adaptation { get; init; }

    /// <summary>
    /// Interference management: after each training episode, near-duplicate skills this rule finds are merged into one
    /// (their demonstrations pooled, one module retrained, statistics summed; the absorbed ones retired, restorable), and
    /// a demonstration whose preconditions a merged skill generalises goes to it. Null (the default): never merge.
    /// </summary>
    public NearDuplicateRule? Merging { get; init; }

    /// <summary>
    /// The per-context skill lifecycle: success counted per context (a cluster of the state keys), a skill failing in
    /// one context and succeeding in others split there, rarely successful skills' selection weight decayed before the
    /// <see cref="Retirement"/> rule retires them. Null (the default): off, and the agent acts exactly as without it.
    /// </summary>
    public Memory.Contexts.ContextLifecycleOptions? ContextLifecycle { get; init; }

    /// <summary>Episodic memory's retention bound: a store keeps this many of the newest training episodes.</summary>
    public int EpisodesToKeep { get; init; } = 1000;

    /// <summary>
    /// Skills retrained at once after an episode (each on its own thread); null for as many as there are
    /// processors. Any value trains the same networks bit for bit.
    /// </summary>
    public int? RetrainingParallelism { get; init; }

    /// <summary>The seed of every random choice the agent makes (and, for a new library, of its key encoder).</summary>
    public ulong Seed { get; init; }
}
