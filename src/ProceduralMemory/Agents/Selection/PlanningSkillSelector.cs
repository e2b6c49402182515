using ProceduralMemory.Agents.Planning;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Selection;

/// <summary>
/// Acting (not learning) towards a goal the observation states, keeps <paramref name="fallback"/>'s choice (the
/// ranking the agent used before it knew goals) when it is a sound step there (<see cref="SkillPlanner.Leads"/>: it
/// applies, usually succeeds, and learned skills go on from it to the goal), and otherwise takes the first skill of
/// the <see cref="SkillPlanner"/>'s cheapest plan. While learning, without a goal, or without a plan, the fallback's
/// choice stands.
/// </summary>
/// <remarks>
/// Planning only where the ranking does not lead to the goal, and not while learning, keeps tasks the library is
/// trained on exactly as before. Measured on doorkey-8x8 (<c>bench learning --train-steps 20000 --seed 1</c>): taking
/// the plan's first skill while learning too gave 0.9696 (21.6 mean steps) where the ranking gives 0.9736 (18.8); in
/// states no learned skill applies to, the plan's undoing steps (drop the key, close the door) took the place of
/// exploring, which is what learning needs there.
/// </remarks>
/// <param name="planner">Plans over the library's skills.</param>
/// <param name="fallback">The selector without a plan.</param>
/// <param name="serves">
/// Whether a skill may be used in the state whose key is given (the per-context lifecycle's: not in a context split
/// off from it), or null when every active skill may: plans are made only of the skills that may.
/// </param>
public sealed class PlanningSkillSelector(SkillPlanner planner, ISkillSelector fallback, Func<Skill, float[], bool>? serves = null) : ISkillSelector
{
    /// <summary>The planner.</summary>
    public SkillPlanner Planner => planner;

    /// <inheritdoc />
    public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore) => fallback.Choose(library, facts, query, explore);

    /// <inheritdoc />
    public Skill? Choose(SkillLibrary library, Facts facts, float[] query, bool explore, FactCondition? goal)
    {
        Skill? ranked = fallback.Choose(library, facts, query, explore);
        if (explore || goal is not { } wanted)
            return ranked;
        IReadOnlyList<Skill> usable = serves is null ? library.ActiveSkills : library.ActiveSkills.Where(s => serves(s, query)).ToList();
        if (ranked is not null && planner.Leads(usable, facts, ranked, wanted))
            return ranked;
        return planner.Plan(usable, facts, wanted) is [var first, ..] ? first : ranked;
    }
}
