using ProceduralMemory.Environments;

namespace ProceduralMemory.Memory;

/// <summary>
/// When an executing skill stops: its goal holds, or it has taken <see cref="StepLimit"/> steps (the failure
/// bound), or its policy has nothing more to do.
/// </summary>
/// <param name="Goal">Facts whose holding ends the skill successfully; <c>null</c> to run until the policy stops.</param>
/// <param name="StepLimit">The most steps one execution may take.</param>
public sealed record SkillTermination(FactCondition? Goal, int StepLimit)
{
    /// <summary>True when an execution that has taken <paramref name="steps"/> steps and now sees <paramref name="facts"/> must stop.</summary>
    public bool ShouldStop(Facts facts, int steps) => steps >= StepLimit || (Goal is { } goal && goal.IsSatisfiedBy(facts));
}
