using ProceduralMemory.Agents.Planning;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Selection;

/// <summary>
/// Prefers the first skill of the <see cref="SkillPlanner"/>'s plan towards the task's goal, when the observation
/// states a goal and the library's skills reach it; otherwise (no goal, or no plan) asks <paramref name="fallback"/>,
/// the ranking the agent used before it knew goals.
/// </summary>
/// <param name="planner">Plans over the library's skills.</param>
/// <param name="fallback">The selector without a plan.</param>
public sealed class PlanningSkillSelector(SkillPlanner planner, ISkillSelector fallback) : ISkillSelector
{
    /// <summary>The planner.</summary>
    public SkillPlanner Planner => planner;

    /// <inheritdoc />
    public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore) => fallback.Choose(library, facts, query, explore);

    /// <inheritdoc />
    public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore, FactCondition? goal) =>
        goal is { } wanted && planner.Plan(library.Skills, facts, wanted) is [var first, ..]
            ? first
            : fallback.Choose(library, facts, query, explore);
}
