using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// The seed tutorial's method with the generic explorer in place of its scripted one: at each decision point it
/// replays, whole, the applicable open-loop skill whose key is most similar to the state's
/// <see cref="SeedEmbedding"/>, or else takes one <see cref="NoveltyExplorer"/> step; after a successful episode
/// the last (at most) five transitions become a skill (<see cref="SeedSkillExtractor"/>), merged into a stored
/// one when their keys are more than 0.9 similar.
/// </summary>
/// <remarks>
/// Faithful to the seed, an applicable skill is always replayed, however poorly it matches: open-loop replays recorded
/// on one layout seldom fit another, which is what this baseline is there to show (SEED_SPEC defect 4).
/// Works on any environment whose facts include <c>has_key</c> and <c>door_open</c> and that
/// whose perception (<see cref="Perceptions.For"/>) tracks the agent's pose, as <see cref="NoveltyExplorer"/> needs.
/// </remarks>
public sealed class SeedReplayAgent : ILearningAgent
{
    private readonly IEnvironment _environment;
    private readonly IPerception _perception;
    private readonly NoveltyExplorer _explorer;
    // The facts the perception gave at each state of the episode (the observation's door_open shows only doors in view).
    private readonly List<Facts> _perceived = [];
    private readonly Rng _trainingRng;

    /// <summary>Creates an agent with an empty library for <paramref name="environment"/>; <paramref name="seed"/> drives its exploration.</summary>
    public SeedReplayAgent(IEnvironment environment, ulong seed)
    {
        _environment = environment;
        _perception = Perceptions.For(environment);
        _explorer = new NoveltyExplorer(environment.Actions.Count, environment.Facts.MaskOf("has_key", "door_open"));
        _trainingRng = new Rng(seed ^ 0x5EED_4E91_A7u);
    }

    /// <inheritdoc />
    public string Name => "seed-replay";

    /// <summary>The extracted skills.</summary>
    public SkillLibrary Library { get; } = new(SeedEmbedding.Dimension);

    /// <inheritdoc />
    public EpisodeSummary PlayEpisode(int layoutSeed, int maxSteps, bool learn)
    {
        // Evaluation breaks ties from the layout's own seed, so evaluating never shifts training and is repeatable.
        Rng rng = learn ? _trainingRng : new Rng((ulong)layoutSeed);
        var episode = new EpisodeRecorder(_environment, layoutSeed, maxSteps);
        // The perception follows the recorded snapshots, not the environment's live observation, which a replay
        // overwrites step after step before the perception can see it.
        _perception.Reset(episode.Observation.Clone());
        _perceived.Clear();
        _perceived.Add(_perception.Facts);
        _explorer.BeginEpisode(_perception);
        int followed = 0, skillUses = 0;

        while (!episode.IsOver)
        {
            Observation observation = episode.Observation;
            Skill? skill = Library.Count == 0
                ? null
                : Library.Retrieve(_perception.Facts, SeedEmbedding.Query(observation, _perception.Facts, _environment.Facts), topK: 1).FirstOrDefault();
            if (skill is not null && SkillExecutor.Execute(skill, episode) > 0)
            {
                skillUses++;
                // The seed's credit: a use succeeds when the episode finishes inside it.
                if (learn)
                    skill.Statistics.RecordUse(success: episode.Succeeded);
            }
            else
            {
                episode.Step(_explorer.ChooseAction(_perception, rng));
            }
            followed = Follow(episode.Transitions, followed, learnOutcomes: learn);
        }

        if (learn && SeedSkillExtractor.Extract(episode.Transitions, episode.Succeeded, _environment.Actions, _environment.Facts, _perceived) is { } learned)
            Library.Add(learned);
        return episode.Summary(skillUses);
    }

    /// <summary>
    /// Brings the perception and the explorer's counts up to date with the transitions from <paramref name="from"/> on
    /// (one explorer step, or a whole replay); returns how many transitions have been followed.
    /// </summary>
    private int Follow(IReadOnlyList<Transition> transitions, int from, bool learnOutcomes)
    {
        for (int i = from; i < transitions.Count; i++)
        {
            Transition step = transitions[i];
            _explorer.BeforeStep(_perception);
            _perception.Observe(step.Action, step.After);
            _explorer.AfterStep(step.Action, _perception, learnOutcomes);
            _perceived.Add(_perception.Facts);
        }
        return transitions.Count;
    }
}
