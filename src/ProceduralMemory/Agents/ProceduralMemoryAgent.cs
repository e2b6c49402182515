using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Learners;
using ProceduralMemory.Agents.Planning;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Agents.Selection;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Agents;

/// <summary>
/// The procedural memory agent. It starts with primitive actions only and is built from parts
/// (<see cref="AgentParts"/>): a perception says what it knows of the world this episode; an explorer chooses
/// actions when no skill runs; after each episode a learner turns its experience into new skills or further
/// demonstrations of known ones, and the agent clones each skill's network from its demonstrations; while acting
/// a selector picks the skill to run, which runs closed-loop until its effect holds or it fails, falling back to
/// exploring.
/// </summary>
/// <remarks>
/// By default skills are identified by their preconditions and effect (<see cref="ProceduralMemoryAgentOptions.MatchSimilarity"/>):
/// a segment with the same pair as a known skill is one more demonstration of it, whatever layout it came from.
/// That is also a store's uniqueness rule, so agents sharing a store agree on what is one skill.
/// </remarks>
public sealed partial class ProceduralMemoryAgent : ILearningAgent
{
    private readonly IEnvironment _environment;
    private readonly ProceduralMemoryAgentOptions _options;
    private readonly IPerception _perception;
    private readonly IExplorer _explorer;
    private readonly ISkillSelector _selector;
    private readonly ISkillLearner _learner;
    private readonly IKeyProvider<float[]> _encoder;
    private readonly ulong _subgoalMask;
    private readonly ContextLifecycle? _contexts;

    private readonly Dictionary<int, SkillModule> _modules = [];
    private readonly HashSet<int> _retiredHere = [];
    private readonly HashSet<int> _failedThisEpisode = [];
    private readonly float[] _features;
    private readonly Rng _trainingRng;
    private int _createdModules;

    /// <summary>
    /// Creates an agent for <paramref name="environment"/>. Without a <paramref name="store"/> its library starts
    /// empty and lives in memory. With one, it continues from what the store holds (creating the library there if
    /// it is new) and commits what it learns after every training episode. A part given in <paramref name="parts"/>
    /// replaces the default one.
    /// </summary>
    /// <exception cref="LibraryException">The store holds a library for other facts, actions or features, or is empty and read-only.</exception>
    public ProceduralMemoryAgent(IEnvironment environment, ProceduralMemoryAgentOptions? options = null, ISkillStore? store = null,
        AgentParts? parts = null)
    {
        _environment = environment;
        _options = options ?? new ProceduralMemoryAgentOptions();
        _options.Adaptation?.Validate();
        _options.Attention?.Validate();
        parts ??= new AgentParts();
        _perception = parts.Perception?.CreatePerception() ?? Perceptions.For(environment);
        IReadOnlyList<string> subgoals = _options.SubgoalFacts ?? environment.Facts.Subgoals;
        _subgoalMask = environment.Facts.MaskOf(subgoals.Where(f => environment.Facts.Names.Contains(f)).ToArray());
        _explorer = parts.Explorer ?? Explorers.For(_perception, environment.Actions.Count, _subgoalMask, _options.Exploration);
        _contexts = _options.ContextLifecycle is { } lifecycle ? new ContextLifecycle(lifecycle) : null;
        ISkillSelector ranked = new RankedSkillSelector(_options.Selection, _contexts is null ? null : _contexts.WeightOf);
        _selector = parts.Selector ?? (_options.Planning.Enabled
            ? new PlanningSkillSelector(new SkillPlanner(environment.Facts, _subgoalMask, _options.Planning), ranked,
                _contexts is null ? null : _contexts.Serves)
            : ranked);
        _learner = parts.Learner ?? new SubgoalSkillLearner(_subgoalMask);
        _trainingRng = new Rng(_options.Seed ^ 0x5EED_E8B1_0E5Eu);
        _features = new float[_perception.FeatureCount];
        var manifest = new LibraryManifest(GridDomain.Instance.Name, environment.Facts.Names, environment.Actions.Names, _perception.FeatureCount,
            _options.EmbeddingDimension, RandomProjectionKeyProvider.IdOf(_options.Seed ^ 0xE4C0_DE5Au, _options.EmbeddingDimension, _perception.FeatureCount));
        if (store is not null)
            manifest = OpenLibrary(store, manifest);
        _encoder = KeyProviderFor(manifest, store);
        Library = new SkillLibrary(manifest.EmbeddingDimension, mergeThreshold: _options.MatchSimilarity);
        _store = store;
        if (store is not null)
        {
            ReadBack(); // everything stored: skills with their modules and demonstrations, outcome counts, per-context state
            _contextEpisodes = _episodes; // with a store, splits are dated by the library's episode count
        }
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
        Observation first = _environment.Reset(layoutSeed).Observation;
        _perception.Reset(first);
        _explorer.BeginEpisode(_perception);
        // The task's goal, when the observation states it (a mission): the selector plans towards it.
        FactCondition? goal = first is IGoalObservation told ? told.Goal : null;
        // Evaluation draws its random tie-breaks from the layout's own seed, so evaluating never shifts training.
        Rng rng = learn ? _trainingRng : new Rng((ulong)layoutSeed);
        var steps = new List<AgentStep>();
        SkillRun? run = null;
        var achieved = new List<(Skill Skill, ulong Start, bool GoalAfter)>();
        double totalReward = 0;
        int skillUses = 0, exploreFor = 0;
        _failedThisEpisode.Clear();
        bool terminated = false, truncated = false, succeeded = false;

        while (!terminated && !truncated && steps.Count < maxSteps)
        {
            Facts facts = _perception.Facts;
            _perception.WriteFeatures(_features);
            if (run is null && exploreFor == 0 && Choose(facts, explore: learn, goal, out int context) is { } chosen && Start(chosen, facts, goal) is { } started)
            {
                run = started;
                run.Context = context;
                skillUses++;
            }

            int action = run is not null
                ? SkillAction(run, facts, rng)
                : _explorer.ChooseAction(_perception, rng);
            exploreFor = Math.Max(0, exploreFor - (run is null ? 1 : 0));

            long state = _perception.StateKey;
            _explorer.BeforeStep(_perception);
            StepResult result = _environment.Step(action);
            _perception.Observe(action, result.Observation);
            _explorer.AfterStep(action, _perception, learnOutcome: learn);
            Facts nextFacts = _perception.Facts;
            steps.Add(new AgentStep(state, facts.Bits, (float[])_features.Clone(), action, result.Reward, nextFacts.Bits));
            totalReward += result.Reward;
            (terminated, truncated, succeeded) = (result.Terminated, result.Truncated, result.IsSuccess);

            if (run is not null && Advance(run, nextFacts) is { } reached)
            {
                if (learn)
                    RecordUse(run, reached);
                if (learn && !reached && _options.Adaptation is not null)
                    _failedThisEpisode.Add(run.Skill.Id);
                if (reached && run.Skill.Id >= 0)
                    achieved.Add((run.Skill, run.StartFacts, goal is { } g && g.IsSatisfiedBy(nextFacts)));
                run = Next(run, reached, nextFacts, goal, learn);
                if (run is not null && _contexts is not null)
                    run.Context = CurrentContext(learn);
                if (run is null && !reached)
                    exploreFor = _options.ExplorationAfterFailure;
            }
        }

        if (terminated)
            _explorer.EndEpisode(steps[^1].Action, failed: !succeeded, learnOutcome: learn);
        if (run is not null && learn)
        {
            bool done = run.Target.IsSatisfiedBy(_perception.Facts);
            RecordUse(run, done);
            if (!done && _options.Adaptation is not null)
                _failedThisEpisode.Add(run.Skill.Id);
            run.Chain?.Statistics.RecordUse(done && run.Chain.Effect.IsSatisfiedBy(_perception.Facts));
        }
        if (learn)
        {
            // Only an episode that completed the task (not one that ended in lava) vouches for its segments.
            Learn(steps, succeeded);
            if (succeeded && goal is { } reachedGoal && _options.ComposeChains)
                Compose(achieved, reachedGoal, steps);
            SplitFailing();
            RetireFailing();
            MergeNearDuplicates();
            if (_store is not null)
                CommitEpisode(new EpisodeRecord(_environment.Name, layoutSeed, totalReward, succeeded, steps));
        }
        return new EpisodeSummary(totalReward, steps.Count, succeeded, skillUses);
    }

    /// <summary>
    /// A run of <paramref name="chosen"/>: of its first child when it is a chain (null when a child is missing from
    /// the library). A skill whose effect includes the goal's facts runs towards the goal's facts alone; one chosen
    /// where only its preconditions required true hold (a plan's relaxed tier) keeps to those.
    /// </summary>
    private SkillRun? Start(Skill chosen, Facts facts, FactCondition? goal)
    {
        if (chosen.Policy is not SkillChainPolicy chain)
            return new SkillRun(chosen, TargetOf(chosen, goal), RequiredOf(chosen, facts), facts.Bits & _subgoalMask);
        var children = new List<Skill>();
        foreach (string name in chain.Children)
        {
            if (Library.ActiveSkills.FirstOrDefault(s => s.Name == name) is not { } child || child.Policy is SkillChainPolicy)
                return null;
            children.Add(child);
        }
        var run = new SkillRun(children[0], TargetOf(children[0], goal), RequiredOf(children[0], facts), facts.Bits & _subgoalMask)
        {
            Chain = chosen,
        };
        foreach (Skill child in children.Skip(1))
            run.Pending.Enqueue(child);
        return run;
    }

    /// <summary>
    /// After <paramref name="run"/> ended: within a chain, its next child once the child before reached its effect and
    /// the chain's effect does not hold yet (the chain's use is recorded when it ends); else null.
    /// </summary>
    private SkillRun? Next(SkillRun run, bool reached, Facts facts, FactCondition? goal, bool learn)
    {
        if (run.Chain is not { } chain)
            return null;
        bool chainDone = chain.Effect.IsSatisfiedBy(facts);
        if (reached && !chainDone && run.Pending.TryDequeue(out Skill? child))
        {
            var next = new SkillRun(child, TargetOf(child, goal), RequiredOf(child, facts), facts.Bits & _subgoalMask) { Chain = chain };
            foreach (Skill rest in run.Pending)
                next.Pending.Enqueue(rest);
            return next;
        }
        if (learn)
            chain.Statistics.RecordUse(chainDone);
        return null;
    }

    private static FactCondition TargetOf(Skill skill, FactCondition? goal) =>
        goal is { } wanted && SkillPlanner.Serves(skill, wanted) ? wanted : skill.Effect;

    /// <summary>What must keep holding while <paramref name="skill"/> runs: its preconditions, or only those required true when it was chosen where the rest do not hold.</summary>
    private static FactCondition RequiredOf(Skill skill, Facts facts)
    {
        if (skill.IsApplicable(facts))
            return skill.Preconditions;
        ulong needed = skill.Preconditions.Mask & skill.Preconditions.Values;
        return new FactCondition(needed, needed);
    }

    /// <summary>
    /// After a successful episode towards a stated goal, the chain of skills that reached it becomes a composite skill
    /// (<see cref="SkillChainPolicy"/>): preconditions the sub-goal facts where the first began, effect the goal,
    /// children the skills in the order they succeeded. The same chain again is one more demonstration of it.
    /// </summary>
    private void Compose(List<(Skill Skill, ulong Start, bool GoalAfter)> achieved, FactCondition goal, IReadOnlyList<AgentStep> steps)
    {
        int last = achieved.FindLastIndex(a => a.GoalAfter);
        if (last < 1)
            return;
        var chain = achieved.Take(last + 1).ToList();
        if (chain.Any(a => Library.Find(a.Skill.Id) != a.Skill || a.Skill.Policy is SkillChainPolicy))
            return;
        var preconditions = new FactCondition(_subgoalMask, chain[0].Start);
        string[] children = chain.Select(a => a.Skill.Name).ToArray();
        if (Library.Skills.FirstOrDefault(s => s.Policy is SkillChainPolicy c && s.Preconditions == preconditions && s.Effect == goal
                && c.Children.SequenceEqual(children)) is { } known)
        {
            known.Statistics.RecordDemonstration();
            StartTrial(known);
            return;
        }
        int stepLimit = chain.Sum(a => a.Skill.Termination.StepLimit);
        var composite = new Skill($"seq({string.Join(",", children)})", preconditions, goal, new SkillChainPolicy(children),
            new SkillTermination(goal, stepLimit), (float[])chain[0].Skill.Key.Clone());
        composite.Statistics.RecordDemonstration();
        if (_store is null)
        {
            composite.Id = Library.Count == 0 ? 0 : Library.Skills.Max(s => s.Id) + 1;
            Library.Restore(composite);
        }
        else
        {
            StoreComposite(composite);
        }
    }

    /// <summary>
    /// The running skill's action: the first step of the explorer's plan to the skill's effect, when what it has
    /// learned of actions and remembers of this world gives one (walk to the nearest thing it knows achieves the
    /// effect, and act on it); else the policy's (with <see cref="ProceduralMemoryAgentOptions.Attention"/>, the blend of
    /// the skills that could act for it, <see cref="AttentionRetrieval"/>). An action the agent has learned usually destroys one of the skill's
    /// own preconditions (dropping the key the skill needs) is never planned, and gives way to the network's next choice.
    /// </summary>
    private int SkillAction(SkillRun run, Facts facts, Rng rng)
    {
        Skill skill = run.Skill;
        int step = run.Steps;
        ulong needed = skill.Preconditions.Mask & skill.Preconditions.Values;
        if (_explorer.ActionTowards(_perception, run.Target, needed) is { } planned)
            return planned;
        if (_options.ExploreForUnplannedSkills && _explorer.Plans)
            return _explorer.ChooseAction(_perception, rng);
        if (skill.Policy is not INetworkPolicy neural)
            return skill.Policy.ChooseAction(new FeatureObservation(_features, facts), step) ?? 0;
        Span<float> scores = stackalloc float[_environment.Actions.Count];
        NetworkActions++;
        float[]? query = _options.Attention is null ? null : _encoder.KeyOf(_features);
        // With the per-context lifecycle, only skills serving this state's context are blended (as only they are selected).
        Func<Skill, bool>? serves = _contexts is null || query is null ? null : s => _contexts.Serves(s, query);
        if (_options.Attention is { } attention
            && AttentionRetrieval.Blend(Library, skill, facts, query, attention, serves) is { } blend
            && !(blend.IsSingle && blend.Members[0] == skill))
        {
            blend.WriteScores(_features, scores);
            if (!blend.IsSingle)
                BlendedActions++;
        }
        else
        {
            neural.Network.Forward(_features, scores);
        }
        while (true)
        {
            int best = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(scores);
            if (scores[best] == float.NegativeInfinity || !_explorer.UsuallyLoses(_perception, best, needed))
                return best;
            scores[best] = float.NegativeInfinity;
        }
    }

    /// <summary>Actions a skill's network chose (not the explorer's plan nor exploring), since the agent was created.</summary>
    public int NetworkActions { get; private set; }

    /// <summary>
    /// Of <see cref="NetworkActions"/>, those chosen by a blend of several skills' policies
    /// (<see cref="ProceduralMemoryAgentOptions.Attention"/>); zero without attention.
    /// </summary>
    public int BlendedActions { get; private set; }

    /// <summary>Counts a step of the running skill; returns its outcome once it ends (true: its target reached), else null.</summary>
    private bool? Advance(SkillRun run, Facts facts)
    {
        Skill skill = run.Skill;
        if (run.Target.IsSatisfiedBy(facts))
            return true;
        run.Steps++;
        long state = _perception.StateKeyWith(facts.Bits & _subgoalMask);
        int visits = run.Visits.GetValueOrDefault(state) + 1;
        run.Visits[state] = visits;
        bool stuck = visits >= _options.StuckVisits;
        bool outOfTime = skill.Termination.ShouldStop(facts, run.Steps);
        return stuck || outOfTime || !run.Required.IsSatisfiedBy(facts) ? false : null;
    }

    /// <summary>
    /// The selector's choice, or null with an empty library (no state key to compute then) and no undoing to plan;
    /// <paramref name="context"/> is the state's context with the per-context lifecycle (founded while learning), else 0.
    /// </summary>
    private Skill? Choose(Facts facts, bool explore, FactCondition? goal, out int context)
    {
        context = 0;
        if (Library.Count == 0)
            return null;
        float[] query = _encoder.KeyOf(_features);
        if (_contexts is not null)
            context = _contexts.Contexts.ContextOf(query, found: explore);
        return _selector.Choose(Library, facts, query, explore, goal);
    }

    /// <summary>The context of the state just reached (a chain's next child starts there); founded while learning.</summary>
    private int CurrentContext(bool learn)
    {
        var features = new float[_features.Length];
        _perception.WriteFeatures(features);
        return _contexts!.Contexts.ContextOf(_encoder.KeyOf(features), found: learn);
    }

    /// <summary>Counts an execution of the run's skill, and with the per-context lifecycle, in the context it started in.</summary>
    private void RecordUse(SkillRun run, bool success)
    {
        run.Skill.Statistics.RecordUse(success);
        _contexts?.Outcomes.RecordUse(run.Skill.Id, run.Context, success);
    }

    /// <summary>Lets the learner turn the episode into skills or demonstrations, then retrains what changed.</summary>
    private void Learn(IReadOnlyList<AgentStep> episode, bool succeeded)
    {
        _learner.Learn(episode, succeeded, new Workshop(this));

        // Each module clones its own network from its own demonstrations with its own seed and shares nothing
        // mutable, so the modules train in parallel and come out the same bits as one after another; what they
        // report is applied afterwards, in the library's order.
        (Skill Skill, SkillModule Module)[] changed = Library.Skills
            .Select(skill => (skill, _modules.GetValueOrDefault(skill.Id)!))
            .Where(pair => pair.Item2 is { NeedsRetraining: true } && !pair.Item1.IsRetired) // a retired skill's network waits until it is restored
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

    /// <summary>A new skill from its first demonstration, with a network of its own.</summary>
    private void CreateSkill(FactCondition preconditions, FactCondition effect, IReadOnlyList<AgentStep> steps, float[] key)
    {
        var module = new SkillModule(_perception.FeatureCount, _environment.Actions.Count, _options.HiddenSizes,
            _options.DemonstrationsPerSkill, _options.Seed + (ulong)++_createdModules);
        module.AddDemonstration(steps);
        var skill = new Skill(NameFor(effect), preconditions, effect, new MlpPolicy(module.Network),
            new SkillTermination(effect, StepLimit(module)), key);
        if (_store is null)
            _modules[Library.Add(skill).Skill.Id] = module;
        else
            StoreNewSkill(skill, module, [steps]);
    }

    /// <summary>
    /// The lifecycle after a training episode: every active skill the <see cref="ProceduralMemoryAgentOptions.Retirement"/>
    /// rule judges failing is retired, in id order, dated by the library's episode count (the episode ending now included).
    /// </summary>
    private void RetireFailing()
    {
        if (_options.Retirement is not { } rule)
            return;
        _episodes++;
        foreach (Skill skill in Library.ActiveSkills.ToList())
        {
            if (rule.Judge(skill, _episodes) is not { } retirement)
                continue;
            Library.Retire(skill, retirement);
            if (_store is not null)
                _retiring[skill.Id] = retirement;
            _retiredHere.Add(skill.Id);
        }
    }

    /// <summary>
    /// Interference management after a training episode: the near-duplicates the <see cref="ProceduralMemoryAgentOptions.Merging"/>
    /// rule finds are merged (<see cref="SkillMerge.Apply"/>). With a store, what changed goes out with the episode's
    /// commit, a new merged skill included, so that a merge is written whole or not at all.
    /// </summary>
    private void MergeNearDuplicates()
    {
        if (_options.Merging is not { } rule)
            return;
        foreach (SkillMerge merge in rule.FindMerges(Library))
        {
            MergedSkill made = merge.Apply(Library, _modules, _options.DemonstrationsPerSkill,
                _options.Cloning with { Seed = _options.Seed + (ulong)merge.Survivor.Id }, _episodes);
            Merged++;
            if (_store is not null)
                foreach (Skill absorbed in merge.Absorbed)
                {
                    _retiring[absorbed.Id] = absorbed.Retirement!;
                    _trialsStarted.Remove(absorbed.Id); // demonstrated earlier in the episode, retired now: the retirement stands
                }
            if (!made.IsNew)
            {
                MarkModelChanged(made.Skill);
                if (_store is not null)
                {
                    _trialsStarted.Add(made.Skill.Id);
                    if (!_unsavedDemonstrations.TryGetValue(made.Skill.Id, out var list))
                        _unsavedDemonstrations[made.Skill.Id] = list = [];
                    list.AddRange(made.NewDemonstrations);
                }
            }
            if (_store is not null)
                foreach (Skill chain in made.RetiredChains.Where(c => !_mergedUnsaved.Any(u => u.Skill == c)))
                {
                    _retiring[chain.Id] = chain.Retirement!;
                    _trialsStarted.Remove(chain.Id);
                }
            // New skills join the library at once (a later merge may rename a chain made by an earlier one); with a
            // store under provisional ids, numbered by the store when the episode's commit writes them.
            foreach (Skill skill in made.NewSkills)
            {
                skill.Id = Library.Skills.Max(s => s.Id) + 1;
                Library.Restore(skill);
                SkillModule? module = skill == made.Skill ? made.Module : null;
                if (_store is null)
                {
                    if (module is not null)
                        _modules[skill.Id] = module;
                }
                else
                {
                    _mergedUnsaved.Add((skill, module, skill == made.Skill ? made.NewDemonstrations : []));
                }
            }
        }
    }

    /// <summary>Merges of near-duplicate skills this agent made (<see cref="ProceduralMemoryAgentOptions.Merging"/>).</summary>
    public int Merged { get; private set; }

    /// <summary>
    /// Skills this agent retired that are still retired (one demonstrated again or restored since is active again):
    /// the run's share of the library's retired skills, for the training summary.
    /// </summary>
    public int Retired => _retiredHere.Count(id => Library.Find(id) is { IsRetired: true });

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

    /// <summary>The schema's name for what <paramref name="effect"/> achieves, numbered when the library already has it.</summary>
    private string NameFor(FactCondition effect)
    {
        string name = _environment.Facts.NameOf(effect);
        int twins = Library.Skills.Count(s => s.Name == name || s.Name.StartsWith(name + "#", StringComparison.Ordinal));
        return twins == 0 ? name : $"{name}#{twins + 1}";
    }

    /// <summary>The agent's library as its learner sees it.</summary>
    private sealed class Workshop(ProceduralMemoryAgent agent) : ISkillWorkshop
    {
        public float[] KeyOf(float[] features) => agent._encoder.KeyOf(features);

        public Skill? Find(FactCondition preconditions, FactCondition effect, float[] key)
        {
            Skill? exact = agent.Library.FindMatch(preconditions, effect, key, agent._options.MatchSimilarity)?.Skill;
            // After a merge the merged skill (whose preconditions generalise the variants') is the one demonstrated,
            // rather than a variant it absorbed coming back.
            Skill? found = agent._options.Merging is null || exact is { IsRetired: false }
                ? exact
                : agent.Library.ActiveSkills.FirstOrDefault(s => s.Effect == effect && s.Policy is INetworkPolicy
                    && NearDuplicateRule.Generalizes(s.Preconditions, preconditions)) ?? exact;
            // After a split, a demonstration belongs to the variant of the context it starts in, or to the original.
            return found is null || agent._contexts is not { } contexts
                ? found
                : agent.Library.Find(contexts.Route(found.Id, contexts.Contexts.ContextOf(key, found: false))) ?? found;
        }

        public void AddDemonstration(Skill skill, IReadOnlyList<AgentStep> steps, float[] key)
        {
            if (agent._options.Adaptation is { } adaptation && agent._failedThisEpisode.Contains(skill.Id) && agent._modules.ContainsKey(skill.Id))
            {
                agent.Adapt(skill, steps, key, adaptation);
                return;
            }
            skill.Statistics.RecordDemonstration();
            agent.StartTrial(skill);
            agent.AddDemonstration(skill, steps);
            agent.BlendKey(skill, key);
        }

        public void CreateSkill(FactCondition preconditions, FactCondition effect, IReadOnlyList<AgentStep> steps, float[] key) =>
            agent.CreateSkill(preconditions, effect, steps, key);
    }

    /// <summary>
    /// The skill being executed (a chain's current child), what it runs towards, what must keep holding, its step count
    /// and the states it has visited; for a chain's child, the chain and the children still to run.
    /// </summary>
    private sealed class SkillRun(Skill skill, FactCondition target, FactCondition required, ulong startFacts)
    {
        public Skill Skill { get; } = skill;

        public FactCondition Target { get; } = target;

        public FactCondition Required { get; } = required;

        public ulong StartFacts { get; } = startFacts;

        public Skill? Chain { get; init; }

        public Queue<Skill> Pending { get; } = new();

        public int Steps { get; set; }

        public Dictionary<long, int> Visits { get; } = [];

        /// <summary>The context the execution started in (0 without the per-context lifecycle).</summary>
        public int Context { get; set; }
    }
}
