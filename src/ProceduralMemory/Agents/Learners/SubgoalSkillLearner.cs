using ProceduralMemory.Learning;

namespace ProceduralMemory.Agents.Learners;

/// <summary>
/// Cuts an episode at sub-goal boundaries (<see cref="SubgoalSegmenter"/>): a segment that matches a known skill is
/// one more demonstration of it, whatever layout it came from; any other becomes a new skill, but only from an
/// episode that reached the goal, whose segments are known to lead somewhere.
/// </summary>
/// <param name="subgoalMask">The facts whose changes mark sub-goals.</param>
public sealed class SubgoalSkillLearner(ulong subgoalMask) : ISkillLearner
{
    /// <inheritdoc />
    public void Learn(IReadOnlyList<AgentStep> episode, bool succeeded, ISkillWorkshop workshop)
    {
        foreach (Segment segment in SubgoalSegmenter.Segment(episode, subgoalMask))
        {
            float[] key = workshop.KeyOf(segment.Steps[0].Features);
            if (workshop.Find(segment.Preconditions, segment.Effect, key) is { } skill)
                workshop.AddDemonstration(skill, segment.Steps, key);
            else if (succeeded)
                workshop.CreateSkill(segment.Preconditions, segment.Effect, segment.Steps, key);
        }
    }
}
