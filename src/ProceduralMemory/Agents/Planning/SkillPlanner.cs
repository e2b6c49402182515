using ProceduralMemory.Environments;
using ProceduralMemory.Memory;

namespace ProceduralMemory.Agents.Planning;

/// <summary>
/// Plans over stored skills as operators on the sub-goal facts: a skill applies where its preconditions hold and
/// leaves the facts with its effect applied. The plan is the cheapest chain from the current facts to a goal, a
/// skill costing <c>-log</c> of its (smoothed) success rate plus a small step cost, so that a sure chain of three
/// beats a doubtful single skill and, among sure ones, the shorter wins.
/// </summary>
/// <remarks>
/// <para>Besides the stored skills as learned (applicable where their preconditions hold on every sub-goal fact, as
/// the selector requires), two kinds of step cost extra (<see cref="SkillPlannerOptions.RelaxedCost"/>,
/// <see cref="SkillPlannerOptions.UndoingCost"/>), so that a task the library was trained on is planned as its skills
/// were learned, and these serve only where the learned skills do not reach the goal, or reach it only through
/// skills that usually fail:</para>
/// <list type="bullet">
/// <item>a stored skill where only its preconditions required true hold (those required false are taken as what
/// happened to be so when it was learned, not as what it needs);</item>
/// <item><b>undoing</b>: making a held sub-goal fact false (<c>drop(key)</c>), which no learned skill does (a segment
/// ends where a fact is made true) but which a skill learned elsewhere may need (it started with empty hands); the
/// agent runs one through what its explorer learned the actions do.</item>
/// </list>
/// <para>A skill whose effect includes the goal's facts serves that goal even if it also did more where it was learned
/// (<c>pickup(box)+pickup(mission_object)</c> for a goal of carrying the mission's ball): the agent then runs it
/// towards the goal's facts alone.</para>
/// </remarks>
/// <param name="schema">The facts, for naming undoing operators.</param>
/// <param name="subgoalMask">The facts plans range over.</param>
/// <param name="options">Costs and bounds.</param>
public sealed class SkillPlanner(FactSchema schema, ulong subgoalMask, SkillPlannerOptions? options = null)
{
    private readonly SkillPlannerOptions _options = options ?? new SkillPlannerOptions();
    private readonly Dictionary<ulong, Skill> _undoing = [];

    /// <summary>The facts plans range over.</summary>
    public ulong SubgoalMask => subgoalMask;

    /// <summary>
    /// The cheapest plan from <paramref name="facts"/> to <paramref name="goal"/> through <paramref name="skills"/>
    /// (and undoing operators, see the remarks), or null when none exists within <see cref="SkillPlannerOptions.MaxLength"/>
    /// steps or the goal already holds.
    /// </summary>
    public IReadOnlyList<Skill>? Plan(IReadOnlyList<Skill> skills, Facts facts, FactCondition goal)
    {
        if (goal.IsSatisfiedBy(facts))
            return null;
        return Search(skills, facts.Bits & subgoalMask, goal)?.Skills;
    }

    /// <summary>
    /// Whether <paramref name="skill"/>, run from <paramref name="facts"/>, is a sound step towards <paramref name="goal"/>:
    /// it applies as learned, usually succeeds (smoothed rate at least one half), and the goal holds after it or is
    /// reached from there by skills that apply as learned, with no relaxed or undoing step.
    /// </summary>
    public bool Leads(IReadOnlyList<Skill> skills, Facts facts, Skill skill, FactCondition goal)
    {
        ulong state = facts.Bits & subgoalMask;
        if (!skill.IsApplicable(facts) || CostOf(skill) > Math.Log(2) + _options.StepCost)
            return false;
        ulong after = Apply(state, skill.Effect);
        if (goal.IsSatisfiedBy(new Facts(after)))
            return true;
        return Search(skills, after, goal) is { } plan && plan.Cost < Math.Min(_options.RelaxedCost, _options.UndoingCost);
    }

    /// <summary>Whether <paramref name="skill"/> reaching its effect also reaches <paramref name="goal"/>'s facts.</summary>
    public static bool Serves(Skill skill, FactCondition goal) =>
        (skill.Effect.Mask & goal.Mask) == goal.Mask && ((skill.Effect.Values ^ goal.Values) & goal.Mask) == 0;

    /// <summary>Whether <paramref name="skill"/> is an undoing operator this planner made (not a stored skill).</summary>
    public bool IsUndoing(Skill skill) => skill.Id < 0 && _undoing.ContainsValue(skill);

    private (IReadOnlyList<Skill> Skills, double Cost)? Search(IReadOnlyList<Skill> skills, ulong start, FactCondition goal)
    {
        var byName = new Dictionary<string, Skill>(StringComparer.Ordinal);
        foreach (Skill skill in skills)
            byName.TryAdd(skill.Name, skill);
        var best = new Dictionary<ulong, double> { [start] = 0 };
        var via = new Dictionary<ulong, (ulong From, Skill Skill)>();
        var queue = new PriorityQueue<(ulong State, int Length), double>();
        queue.Enqueue((start, 0), 0);
        while (queue.TryDequeue(out var item, out double cost))
        {
            var (state, length) = item;
            if (cost > best[state])
                continue;
            if (goal.IsSatisfiedBy(new Facts(state)))
                return (Path(via, start, state), cost);
            if (length >= _options.MaxLength)
                continue;
            foreach (var (skill, next, stepCost) in Operators(skills, byName, state))
            {
                if (next == state)
                    continue;
                double nextCost = cost + stepCost;
                if (best.TryGetValue(next, out double known) && known <= nextCost)
                    continue;
                best[next] = nextCost;
                via[next] = (state, skill);
                queue.Enqueue((next, length + 1), nextCost);
            }
        }
        return null;
    }

    /// <summary>The steps possible from <paramref name="state"/>: each skill, where it leads and what it costs.</summary>
    private IEnumerable<(Skill Skill, ulong Next, double Cost)> Operators(IReadOnlyList<Skill> skills, Dictionary<string, Skill> byName, ulong state)
    {
        foreach (Skill skill in skills)
        {
            if (skill.Effect.IsSatisfiedBy(new Facts(state)))
                continue;
            if (skill.Policy is SkillChainPolicy chain)
            {
                // One step whose cost is its children's as they apply, if it usually succeeds as a whole.
                if (skill.IsApplicable(new Facts(state)) && CostOf(skill) <= Math.Log(2) + _options.StepCost
                    && Chained(chain, byName, state) is { } through)
                    yield return (skill, Apply(through.Next, skill.Effect), through.Cost + _options.StepCost);
                continue;
            }
            if (Step(skill, state) is { } extra)
                yield return (skill, Apply(state, skill.Effect), CostOf(skill) + extra);
        }
        for (int i = 0; i < schema.Count; i++)
        {
            ulong bit = 1UL << i;
            if ((subgoalMask & bit) != 0 && (state & bit) != 0)
            {
                Skill undoing = Undoing(bit);
                yield return (undoing, Apply(state, undoing.Effect), _options.UndoingCost);
            }
        }
    }

    /// <summary>
    /// The extra cost of running <paramref name="skill"/> from <paramref name="state"/>: none where its preconditions
    /// hold, <see cref="SkillPlannerOptions.RelaxedCost"/> where only those required true do; null where it does not apply.
    /// </summary>
    private double? Step(Skill skill, ulong state)
    {
        FactCondition pre = skill.Preconditions;
        if (pre.IsSatisfiedBy(new Facts(state)))
            return 0;
        ulong needed = pre.Mask & pre.Values;
        return (state & needed) == needed ? _options.RelaxedCost : null;
    }

    /// <summary>A chain run from <paramref name="state"/>: where its children lead and what they cost, each judged where the one before left off; null when a child is missing or does not apply.</summary>
    private (ulong Next, double Cost)? Chained(SkillChainPolicy chain, Dictionary<string, Skill> byName, ulong state)
    {
        double cost = 0;
        foreach (string name in chain.Children)
        {
            if (!byName.TryGetValue(name, out Skill? child) || child.Policy is SkillChainPolicy || Step(child, state) is not { } extra)
                return null;
            cost += CostOf(child) - _options.StepCost + extra;
            state = Apply(state, child.Effect);
        }
        return (state, cost);
    }

    private ulong Apply(ulong state, FactCondition effect) =>
        ((state & ~effect.Mask) | (effect.Values & effect.Mask)) & subgoalMask;

    /// <summary>The operator that makes the fact <paramref name="bit"/> false, run by the explorer's model (its policy chooses nothing).</summary>
    private Skill Undoing(ulong bit)
    {
        if (_undoing.TryGetValue(bit, out Skill? skill))
            return skill;
        var effect = new FactCondition(bit, 0);
        skill = new Skill(schema.NameOf(effect), FactCondition.Always, effect, UndoingPolicy.Instance,
            new SkillTermination(effect, _options.UndoingStepLimit), [1f]);
        _undoing[bit] = skill;
        return skill;
    }

    private double CostOf(Skill skill)
    {
        SkillStatistics stats = skill.Statistics;
        double rate = (stats.Successes + 1.0) / (stats.Uses + 2.0); // Laplace: an untried skill counts as even odds
        return -Math.Log(rate) + _options.StepCost;
    }

    private static List<Skill> Path(Dictionary<ulong, (ulong From, Skill Skill)> via, ulong start, ulong end)
    {
        var path = new List<Skill>();
        for (ulong state = end; state != start; state = via[state].From)
            path.Add(via[state].Skill);
        path.Reverse();
        return path;
    }

    /// <summary>An undoing operator's policy: it has none of its own; the agent runs it through its explorer's plans.</summary>
    private sealed class UndoingPolicy : ISkillPolicy
    {
        public static UndoingPolicy Instance { get; } = new();

        public string Kind => "undoing";

        public int? ChooseAction(Observation observation, int step) => null;
    }
}
