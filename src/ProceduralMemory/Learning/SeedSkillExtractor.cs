using ProceduralMemory.Agents.Seed;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Training;

namespace ProceduralMemory.Learning;

/// <summary>
/// The seed's skill extraction: after a successful episode of at least <see cref="MinimumTransitions"/> steps,
/// the last (at most) <see cref="SegmentLength"/> transitions become an open-loop skill. It works on any environment
/// whose facts include <c>has_key</c> and <c>door_open</c>; the key is <see cref="SeedEmbedding"/>'s.
/// </summary>
/// <remarks>
/// A fixed-length cut rather than a cut at sub-goals: faithful to the seed, and the reason its skills rarely
/// transfer. Sub-goal segmentation is the learning agent's job.
/// </remarks>
public static class SeedSkillExtractor
{
    /// <summary>The longest segment taken from the end of an episode.</summary>
    public const int SegmentLength = 5;

    /// <summary>The shortest successful episode a skill is extracted from.</summary>
    public const int MinimumTransitions = 3;

    /// <summary>
    /// The skill made from the end of <paramref name="episode"/>, or <c>null</c> when the episode failed or was
    /// too short. Preconditions are <c>has_key</c> and <c>door_open</c> at the segment's start; the name says
    /// what the segment achieved: <c>acquire_key</c>, <c>open_door_sequence</c> or <c>navigate_N_steps</c>.
    /// Facts are the observations' own, or with <paramref name="perceived"/> the ones an agent perceived: its entry
    /// <c>i</c> holds before transition <c>i</c>, its last entry after the last transition.
    /// </summary>
    public static Skill? Extract(IReadOnlyList<Transition> episode, bool succeeded, ActionSpace actions, FactSchema facts,
        IReadOnlyList<Facts>? perceived = null)
    {
        if (!succeeded || episode.Count < MinimumTransitions)
            return null;

        int length = Math.Min(SegmentLength, episode.Count);
        var segment = episode.Skip(episode.Count - length).ToList();
        Observation start = segment[0].Before;
        Facts startFacts = perceived?[episode.Count - length] ?? start.Facts, endFacts = perceived?[^1] ?? segment[^1].After.Facts;
        int hasKey = facts.IndexOf("has_key"), doorOpen = facts.IndexOf("door_open");

        string name = !startFacts.Get(hasKey) && endFacts.Get(hasKey) ? "acquire_key"
            : !startFacts.Get(doorOpen) && endFacts.Get(doorOpen) ? "open_door_sequence"
            : $"navigate_{length}_steps";

        int[] actionIndices = segment.Select(t => t.Action).ToArray();
        string[] actionNames = actionIndices.Select(actions.NameOf).ToArray();
        ulong symbolicFacts = facts.MaskOf("has_key", "door_open");
        ulong changed = (startFacts.Bits ^ endFacts.Bits) & symbolicFacts;

        return new Skill(
            name,
            preconditions: FactCondition.Of(startFacts, symbolicFacts),
            effect: FactCondition.Of(endFacts, changed),
            policy: new OpenLoopPolicy(actionIndices),
            // The seed replays the whole sequence: no goal ends it early.
            termination: new SkillTermination(Goal: null, StepLimit: length),
            key: SeedEmbedding.Embed(start, startFacts, facts, actionNames));
    }
}
