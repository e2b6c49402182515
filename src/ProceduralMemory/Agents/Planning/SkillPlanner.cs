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
/// <para>Tiers, each tried only when the ones before it find no plan, so that a task the library was trained on is
/// planned exactly as its skills were learned:</para>
/// <list type="number">
/// <item>skills whose preconditions hold on every sub-goal fact (what the selector requires);</item>
/// <item>those plus <b>undoing</b> operators: making a held sub-goal fact false (<c>drop(key)</c>), which no learned
/// skill does (a segment ends where a fact is made true) but which a skill learned elsewhere may need (it started
/// with empty hands); the agent runs one through what its explorer learned the actions do;</item>
/// <item>skills whose facts required true hold (the facts required false are taken as what happened to be so when
/// the skill was learned, not as what it needs), with and then without undoing operators.</item>
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
        ulong start = facts.Bits & subgoalMask;
        return Search(skills, start, goal, relaxed: false, undo: false)
            ?? Search(skills, start, goal, relaxed: false, undo: true)
            ?? Search(skills, start, goal, relaxed: true, undo: true)
            ?? Search(skills, start, goal, relaxed: true, undo: false);
    }

    /// <summary>Whether <paramref name="skill"/> reaching its effect also reaches <paramref name="goal"/>'s facts.</summary>
    public static bool Serves(Skill skill, FactCondition goal) =>
        (skill.Effect.Mask & goal.Mask) == goal.Mask && ((skill.Effect.Values ^ goal.Values) & goal.Mask) == 0;

    /// <summary>Whether <paramref name="skill"/> is an undoing operator this planner made (not a stored skill).</summary>
    public bool IsUndoing(Skill skill) => skill.Id < 0 && _undoing.ContainsValue(skill);

    private IReadOnlyList<Skill>? Search(IReadOnlyList<Skill> skills, ulong start, FactCondition goal, bool relaxed, bool undo)
    {
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
                return Path(via, start, state);
            if (length >= _options.MaxLength)
                continue;
            foreach (Skill skill in Operators(skills, state, relaxed, undo))
            {
                ulong next = (state & ~skill.Effect.Mask) | (skill.Effect.Values & skill.Effect.Mask);
                next &= subgoalMask;
                if (next == state)
                    continue;
                double nextCost = cost + CostOf(skill);
                if (best.TryGetValue(next, out double known) && known <= nextCost)
                    continue;
                best[next] = nextCost;
                via[next] = (state, skill);
                queue.Enqueue((next, length + 1), nextCost);
            }
        }
        return null;
    }

    private IEnumerable<Skill> Operators(IReadOnlyList<Skill> skills, ulong state, bool relaxed, bool undo)
    {
        var facts = new Facts(state);
        foreach (Skill skill in skills)
        {
            FactCondition pre = skill.Preconditions;
            bool applies = relaxed ? (state & pre.Mask & pre.Values) == (pre.Mask & pre.Values) : pre.IsSatisfiedBy(facts);
            if (applies && !skill.Effect.IsSatisfiedBy(facts))
                yield return skill;
        }
        if (!undo)
            yield break;
        for (int i = 0; i < schema.Count; i++)
        {
            ulong bit = 1UL << i;
            if ((subgoalMask & bit) != 0 && (state & bit) != 0)
                yield return Undoing(bit);
        }
    }

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
        if (skill.Id < 0)
            return _options.UndoingCost;
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
