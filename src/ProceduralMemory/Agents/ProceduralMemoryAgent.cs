using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents;

/// <summary>
/// The procedural memory agent. It starts with primitive actions only. It explores by novelty; after each
/// episode it cuts its experience into segments at sub-goal boundaries, turns a segment into a new skill (after
/// a success) or a further demonstration of the matching skill, and clones each skill's network from its
/// demonstrations. While acting it retrieves the applicable skills, ranks them by how similar the situation is
/// to each skill's key and how well the skill has done, and runs the best one closed-loop until its effect holds
/// or it fails, falling back to exploring.
/// </summary>
/// <remarks>
/// Skills are identified by their preconditions and effect: a segment with the same pair as a known skill is one
/// more demonstration of it, whatever layout it came from. That is also a store's uniqueness rule, so agents
/// sharing a store agree on what is one skill.
/// </remarks>
public sealed partial class ProceduralMemoryAgent : ILearningAgent
{
    private readonly IEnvironment _environment;
    private readonly ProceduralMemoryAgentOptions _options;
    private readonly IEpisodeMemory _memory;
    private readonly NoveltyExplorer _explorer;
    private readonly RandomProjectionKeyProvider _encoder;
    private readonly ulong _subgoalMask;
    /// <summary>Every segment with a known skill's preconditions and effect is that skill, however its start looks.</summary>
    private const float AnySimilarity = float.NegativeInfinity;

    private readonly Dictionary<int, SkillModule> _modules = [];
    private readonly float[] _features;
    private readonly Rng _trainingRng;
    private int _createdModules;

    /// <summary>
    /// Creates an agent for <paramref name="environment"/>. Without a <paramref name="store"/> its library starts
    /// empty and lives in memory. With one, it continues from what the store holds (creating the library there if
    /// it is new) and commits what it learns after every training episode.
    /// </summary>
    /// <exception cref="LibraryException">The store holds a library for other facts, actions or features, or is empty and read-only.</exception>
    public ProceduralMemoryAgent(IEnvironment environment, ProceduralMemoryAgentOptions? options = null, ISkillStore? store = null)
    {
        _environment = environment;
        _options = options ?? new ProceduralMemoryAgentOptions();
        _memory = EpisodeMemory.For(environment);
        _subgoalMask = environment.Facts.MaskOf(_options.SubgoalFacts.Where(f => environment.Facts.Names.Contains(f)).ToArray());
        _explorer = new NoveltyExplorer(environment.Actions.Count, _subgoalMask);
        _trainingRng = new Rng(_options.Seed ^ 0x5EED_E8B1_0E5Eu);
        _features = new float[_memory.FeatureCount];
        var manifest = new LibraryManifest(GridDomain.Instance.Name, environment.Facts.Names, environment.Actions.Names, _memory.FeatureCount,
            _options.EmbeddingDimension, RandomProjectionKeyProvider.IdOf(_options.Seed ^ 0xE4C0_DE5Au, _options.EmbeddingDimension, _memory.FeatureCount));
        if (store is not null)
            manifest = OpenLibrary(store, manifest);
        _encoder = KeyProviderFor(manifest);
        Library = new SkillLibrary(manifest.EmbeddingDimension, mergeThreshold: AnySimilarity);
        _store = store;
        if (store is not null)
            ReadBack(); // everything stored: skills with their modules and demonstrations, outcome counts
    }

    /// <inheritdoc />
    public string Name => "procmem";

    /// <summary>The learned skills.</summary>
    public SkillLibrary Library { get; }

    /// <summary>The trainable module of neural skill <paramref name="skillId"/>.</summary>
    public SkillModule ModuleOf(int skillId) => _modules[skillId];

    /// <summary>Whether skill <paramref name="skillId"/> has a trainable module (imported open-loop skills have none).</summary>
    public bool HasModule(int skillId) => _modules.ContainsKey(skillId);

    /// <inheritdoc />
    public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
    {
        _memory.Reset(_environment.Reset(layoutSeed).Observation);
        _explorer.BeginEpisode(_memory);
        // Evaluation draws its random tie-breaks from the layout's own seed, so evaluating never shifts training.
        Rng rng = learn ? _trainingRng : new Rng((ulong)layoutSeed);
        var steps = new List<AgentStep>();
        var run = new SkillRun();
        double totalReward = 0;
        int skillUses = 0, exploreFor = 0;
        bool terminated = false, truncated = false;

        while (!terminated && !truncated && steps.Count < maxSteps)
        {
            Facts facts = _memory.Observation.Facts;
            _memory.WriteFeatures(_features);
            if (run.Skill is null && exploreFor == 0 && Choose(facts, explore: learn) is { } chosen)
            {
                run = new SkillRun(chosen);
                skillUses++;
            }

            int action = run.Skill is { } skill
                ? SkillAction(skill, facts, run.Steps)
                : _explorer.ChooseAction(_memory, rng);
            exploreFor = Math.Max(0, exploreFor - (run.Skill is null ? 1 : 0));

            AgentPose pose = _memory.Pose;
            int context = _memory.ActionContext;
            StepResult result = _environment.Step(action);
            _memory.Observe(action, result.Observation);
            _explorer.Record(context, action, pose, facts.Bits, _memory, learnOutcome: learn);
            steps.Add(new AgentStep(pose, facts.Bits, (float[])_features.Clone(), action, result.Reward, result.Observation.Facts.Bits));
            totalReward += result.Reward;
            (terminated, truncated) = (result.Terminated, result.Truncated);

            if (run.Skill is not null && Advance(ref run, result.Observation.Facts) is { } succeeded)
            {
                if (learn)
                    run.Skill!.Statistics.RecordUse(succeeded);
                if (!succeeded)
                    exploreFor = _options.ExplorationAfterFailure;
                run = new SkillRun();
            }
        }

        if (run.Skill is not null && learn)
            run.Skill.Statistics.RecordUse(success: run.Skill.Effect.IsSatisfiedBy(_memory.Observation.Facts));
        if (learn)
        {
            Learn(steps, terminated);
            if (_store is not null)
                CommitEpisode(new EpisodeRecord(_environment.Name, layoutSeed, totalReward, terminated, steps));
        }
        return new EpisodeSummary(totalReward, steps.Count, terminated, skillUses);
    }

    /// <summary>
    /// The running skill's action, except that an action the agent has learned usually destroys one of the skill's
    /// own preconditions (dropping the key the skill needs) gives way to the network's next choice.
    /// </summary>
    private int SkillAction(Skill skill, Facts facts, int step)
    {
        if (skill.Policy is not INetworkPolicy neural)
            return skill.Policy.ChooseAction(new FeatureObservation(_features, facts), step) ?? 0;
        ulong needed = skill.Preconditions.Mask & skill.Preconditions.Values;
        int context = _memory.ActionContext;
        Span<float> scores = stackalloc float[_environment.Actions.Count];
        neural.Network.Forward(_features, scores);
        while (true)
        {
            int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(scores);
            if (scores[best] == float.NegativeInfinity || !_explorer.UsuallyLoses(context, best, needed))
                return best;
            scores[best] = float.NegativeInfinity;
        }
    }

    /// <summary>Counts a step of the running skill; returns its outcome once it ends (true: effect reached), else null.</summary>
    private bool? Advance(ref SkillRun run, Facts facts)
    {
        Skill skill = run.Skill!;
        if (skill.Effect.IsSatisfiedBy(facts))
            return true;
        run.Steps++;
        long state = _memory.Pose.Key(facts.Bits & _subgoalMask);
        int visits = run.Visits.GetValueOrDefault(state) + 1;
        run.Visits[state] = visits;
        bool stuck = visits >= _options.StuckVisits;
        bool outOfTime = skill.Termination.ShouldStop(facts, run.Steps);
        return stuck || outOfTime || !skill.IsApplicable(facts) ? false : null;
    }

    /// <summary>The applicable skill with the best blend of similarity, success rate and (while learning) an exploration bonus.</summary>
    private Skill? Choose(Facts facts, bool explore)
    {
        if (Library.Count == 0)
            return null;
        float[] query = _encoder.Encode(_features);
        int totalUses = Library.Skills.Sum(s => s.Statistics.Uses);
        Skill? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (Skill skill in Library.Retrieve(facts, query, topK: 8))
        {
            if (skill.Effect.IsSatisfiedBy(facts))
                continue; // nothing left for it to achieve
            SkillStatistics stats = skill.Statistics;
            // Optimistic about untried skills (rate 1), so that a new skill gets used and judged.
            double rate = stats.Uses == 0 ? 1.0 : stats.SuccessRate;
            double bonus = explore ? _options.ConfidenceBonus * Math.Sqrt(Math.Log(totalUses + 1) / (stats.Uses + 1)) : 0;
            double score = VectorMath.CosineSimilarity(query, skill.Key) + rate + bonus;
            if (score > bestScore)
                (best, bestScore) = (skill, score);
        }
        return best;
    }

    /// <summary>Turns the episode's segments into skills or demonstrations, then retrains what changed.</summary>
    private void Learn(IReadOnlyList<AgentStep> episode, bool succeeded)
    {
        foreach (Segment segment in SubgoalSegmenter.Segment(episode, _subgoalMask))
        {
            float[] key = _encoder.Encode(segment.Steps[0].Features);
            if (Library.FindMatch(segment.Preconditions, segment.Effect, key, AnySimilarity) is { } match)
            {
                match.Skill.Statistics.RecordDemonstration();
                AddDemonstration(match.Skill, segment.Steps);
                BlendKey(match.Skill, key);
            }
            else if (succeeded)
            {
                // A new skill only from an episode that reached the goal: its segments are known to lead somewhere.
                var module = new SkillModule(_memory.FeatureCount, _environment.Actions.Count, _options.HiddenSizes,
                    _options.DemonstrationsPerSkill, _options.Seed + (ulong)++_createdModules);
                module.AddDemonstration(segment.Steps);
                var skill = new Skill(NameFor(segment), segment.Preconditions, segment.Effect, new MlpPolicy(module.Network),
                    new SkillTermination(segment.Effect, StepLimit(module)), key);
                if (_store is null)
                    _modules[Library.Add(skill).Skill.Id] = module;
                else
                    StoreNewSkill(skill, module, segment.Steps);
            }
        }

        // Each module clones its own network from its own demonstrations with its own seed and shares nothing
        // mutable, so the modules train in parallel and come out the same bits as one after another; what they
        // report is applied afterwards, in the library's order.
        (Skill Skill, SkillModule Module)[] changed = Library.Skills
            .Select(skill => (skill, _modules.GetValueOrDefault(skill.Id)!))
            .Where(pair => pair.Item2 is { NeedsRetraining: true })
            .ToArray();
        var results = new BehaviourCloningResult?[changed.Length];
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = _options.RetrainingParallelism ?? -1 };
        Parallel.For(0, changed.Length, parallelism, i =>
            results[i] = changed[i].Module.Retrain(_options.Cloning with { Seed = _options.Seed + (ulong)changed[i].Skill.Id }));
        for (int i = 0; i < changed.Length; i++)
        {
            if (results[i] is null)
                continue;
            Skill skill = changed[i].Skill;
            skill.Termination = skill.Termination with { StepLimit = StepLimit(changed[i].Module) };
            MarkModelChanged(skill);
        }
    }

    private int StepLimit(SkillModule module) =>
        (int)(_options.StepLimitFactor * module.LongestDemonstration) + _options.StepLimitSlack;

    /// <summary>Moves a skill's key towards a new demonstration's start: the key is the running mean of its demonstrations' starts.</summary>
    private void BlendKey(Skill skill, float[] start)
    {
        int n = skill.Statistics.Demonstrations;
        var blended = (float[])skill.Key.Clone();
        for (int i = 0; i < start.Length; i++)
            blended[i] += (start[i] - blended[i]) / n;
        VectorMath.NormalizeInPlace(blended);
        Library.UpdateKey(skill, blended);
        MarkModelChanged(skill);
    }

    private string NameFor(Segment segment)
    {
        var parts = new List<string>();
        FactSchema schema = _environment.Facts;
        for (int i = 0; i < schema.Count; i++)
            if ((segment.Effect.Mask & (1UL << i)) != 0)
                parts.Add(((segment.Effect.Values >> i) & 1) != 0 ? schema.Names[i] : "not_" + schema.Names[i]);
        string name = "achieve_" + string.Join("_and_", parts);
        int twins = Library.Skills.Count(s => s.Name == name || s.Name.StartsWith(name + "#", StringComparison.Ordinal));
        return twins == 0 ? name : $"{name}#{twins + 1}";
    }

    /// <summary>The skill being executed, with its step count and the states it has visited.</summary>
    private struct SkillRun(Skill? skill)
    {
        public SkillRun() : this(null) { }

        public Skill? Skill { get; } = skill;

        public int Steps { get; set; }

        public Dictionary<long, int> Visits { get; } = [];
    }
}
