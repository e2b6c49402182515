using ProceduralMemory.Environments;

namespace ProceduralMemory.Learning;

/// <summary>
/// Cuts an episode into skills' demonstrations at sub-goal boundaries: a step where a sub-goal fact (such as
/// <c>has_key</c>, <c>door_open</c>, <c>at_goal</c>) becomes true. Not at a fixed length.
/// </summary>
/// <remarks>
/// <para>A sub-goal is a fact being achieved. A fact lost on the way (a key dropped, a door closed) does not end a
/// segment, and a segment that only wins back what it held at its start is no progress and is dropped; otherwise
/// an explorer's "close the door" becomes a skill and the agent opens and closes doors forever.</para>
/// <para>Reward events are boundaries through the facts: in the worlds here every positive reward comes with a
/// sub-goal fact becoming true (reaching the goal sets <c>at_goal</c>), while the seed world's per-step cost would
/// make every step a boundary if rewards counted on their own.</para>
/// Two kinds of loop are cut, so that demonstrations show the way forward rather than the wandering:
/// <list type="bullet">
/// <item>within a segment, a return to an earlier (pose, facts) state drops the steps in between (the steps that
/// follow were possible from the first visit too, since the world is in the same state);</item>
/// <item>across segments, any change of facts that returns to the sub-goal state some segment started from (a
/// goal cell walked over and left, a key picked up and dropped) drops the chain back to there: only the last
/// approach counts.</item>
/// </list>
/// </remarks>
public static class SubgoalSegmenter
{
    /// <summary>The loop-free chain of segments of <paramref name="episode"/>, judged by the facts in <paramref name="subgoalMask"/>.</summary>
    public static IReadOnlyList<Segment> Segment(IReadOnlyList<AgentStep> episode, ulong subgoalMask)
    {
        var chain = new List<Segment>();
        int start = 0;
        for (int t = 0; t < episode.Count; t++)
        {
            ulong before = episode[t].Facts & subgoalMask, after = episode[t].NextFacts & subgoalMask;
            if (before == after)
                continue;

            // Back in a sub-goal state some segment started from: everything since was a loop.
            int undone = chain.FindIndex(s => s.Preconditions.Values == after);
            if (undone >= 0)
            {
                chain.RemoveRange(undone, chain.Count - undone);
                start = t + 1;
                continue;
            }

            ulong achieved = after & ~before;
            if (achieved == 0)
                continue; // only something lost: the segment goes on
            ulong startFacts = episode[start].Facts & subgoalMask;
            if ((startFacts & achieved) != achieved)
                chain.Add(new Segment(new FactCondition(subgoalMask, startFacts), new FactCondition(achieved, achieved), CutLoops(episode, start, t)));
            start = t + 1;
        }
        return chain;
    }

    /// <summary>Steps <paramref name="first"/>..<paramref name="last"/> with every return to an earlier state cut out.</summary>
    public static List<AgentStep> CutLoops(IReadOnlyList<AgentStep> episode, int first, int last)
    {
        var kept = new List<AgentStep>();
        var position = new Dictionary<long, int>();
        for (int t = first; t <= last; t++)
        {
            AgentStep step = episode[t];
            long state = step.State;
            if (position.TryGetValue(state, out int earlier))
            {
                for (int k = earlier; k < kept.Count; k++)
                    position.Remove(kept[k].State);
                kept.RemoveRange(earlier, kept.Count - earlier);
            }
            position[state] = kept.Count;
            kept.Add(step);
        }
        return kept;
    }
}
