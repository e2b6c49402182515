using ProceduralMemory.Environments.Grid;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Agents.Seed;

/// <summary>
/// The seed tutorial's agent on the seed <see cref="GridWorld"/>: at each decision point it executes the most
/// similar applicable skill, or else takes one step of the <see cref="ScriptedExplorer"/>; after a successful
/// episode it extracts a skill from the episode's end into its library.
/// </summary>
public sealed class SeedAgent
{
    private readonly GridWorld _environment;
    private readonly ScriptedExplorer _explorer;

    /// <summary>Creates an agent with an empty library; <paramref name="seed"/> drives the explorer's random fallback.</summary>
    public SeedAgent(GridWorld environment, ulong seed)
    {
        _environment = environment;
        _explorer = new ScriptedExplorer(environment.Layout, new Rng(seed), environment.Actions.Count);
    }

    /// <summary>The agent's skill library.</summary>
    public SkillLibrary Library { get; } = new(SeedEmbedding.Dimension);

    /// <summary>Plays one episode, then learns from it.</summary>
    public EpisodeOutcome RunEpisode()
    {
        var episode = new EpisodeRecorder(_environment);
        int skillUses = 0;
        while (!episode.IsOver)
        {
            var observation = (GridWorldObservation)episode.Observation;
            Skill? skill = Library.Count == 0
                ? null
                : Library.Retrieve(observation.Facts, SeedEmbedding.Query(observation), topK: 1).FirstOrDefault();
            if (skill is not null && SkillExecutor.Execute(skill, episode) > 0)
            {
                skillUses++;
                // The seed credits a use only when the episode finishes inside it (SEED_SPEC defect 4).
                skill.Statistics.RecordUse(success: episode.Succeeded);
                continue;
            }
            episode.Step(_explorer.ChooseAction(observation));
        }

        Skill? learned = SeedSkillExtractor.Extract(episode.Transitions, episode.Succeeded, _environment.Actions, _environment.Facts);
        if (learned is not null)
            Library.Add(learned);
        return new EpisodeOutcome(episode.Return, episode.Transitions.Count, episode.Succeeded, skillUses);
    }
}
