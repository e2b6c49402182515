using ProceduralMemory.Environments;
using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Agents.Exploration;

/// <summary>
/// Chooses actions when no skill applies, and learns over the whole run what actions do. Per episode it is told
/// each state the agent reaches; around every step it is shown the state before and after the action, whoever
/// chose the action (itself or a skill).
/// </summary>
public interface IExplorer
{
    /// <summary>Forgets the episode's visit counts (what actions do is kept) and counts the first state.</summary>
    void BeginEpisode(IPerception perception);

    /// <summary>The action to explore with now; ties are broken at random by <paramref name="rng"/>.</summary>
    int ChooseAction(IPerception perception, Rng rng);

    /// <summary>Notes the state the next action is taken in (call just before stepping the environment).</summary>
    void BeforeStep(IPerception perception);

    /// <summary>
    /// Counts the state <paramref name="action"/> led to and, with <paramref name="learnOutcome"/>, learns what the
    /// action did (evaluation counts visits, which only last the episode, but learns nothing that lasts).
    /// </summary>
    void AfterStep(int action, IPerception perception, bool learnOutcome = true);

    /// <summary>
    /// True when, by what the explorer has seen, <paramref name="action"/> in the current state usually turns one of
    /// <paramref name="facts"/> false (e.g. <c>drop</c> while carrying loses <c>has_key</c>).
    /// </summary>
    bool UsuallyLoses(IPerception perception, int action, ulong facts);

    /// <summary>
    /// Told that the episode ended after <paramref name="lastAction"/>; <paramref name="failed"/> when it ended
    /// without reward (not merely out of time), so that the action can be avoided where it was taken. With
    /// <paramref name="learnOutcome"/> false (evaluation) nothing is learned. Does nothing by default.
    /// </summary>
    void EndEpisode(int lastAction, bool failed, bool learnOutcome = true)
    {
    }

    /// <summary>Whether the explorer plans (<see cref="ActionTowards"/> can answer, and exploring heads for what is unknown); false by default.</summary>
    bool Plans => false;

    /// <summary>
    /// The first action of a plan, by what the explorer has learned, that achieves <paramref name="goal"/> without
    /// losing any of the facts in <paramref name="keep"/> that hold now; null when it knows none (the default).
    /// </summary>
    int? ActionTowards(IPerception perception, FactCondition goal, ulong keep) => null;
}
