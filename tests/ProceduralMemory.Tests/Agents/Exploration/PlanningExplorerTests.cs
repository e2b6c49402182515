using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Agents.Exploration;

/// <summary>The explorer's plans: through what it learned actions do, over what the perception remembers of this world.</summary>
public sealed class PlanningExplorerTests
{
    private static readonly ulong Subgoals = MiniGridObservation.FactNames.MaskOf(MiniGridObservation.FactNames.Subgoals.ToArray());
    private static readonly ulong HasKey = 1UL << MiniGridObservation.HasKeyFact;

    private static MiniGridLayout Room(CellPosition key, CellPosition? lava = null)
    {
        var grid = new CellGrid(7, 7);
        grid.WallRectangle(0, 0, 7, 7);
        grid.Set(key.X, key.Y, new Key(ObjectColor.Yellow));
        if (lava is { } cell)
            grid.Set(cell.X, cell.Y, new Lava());
        return new MiniGridLayout(grid, new CellPosition(1, 1), Direction.Right, "");
    }

    private static (MiniGridPerception Perception, NoveltyExplorer Explorer, DoorKeyEnvironment Env) Taught(params int[] actions)
    {
        var env = new DoorKeyEnvironment(7);
        var perception = new MiniGridPerception();
        var explorer = new NoveltyExplorer(7, Subgoals);
        perception.Reset(env.Reset(Room(key: new CellPosition(3, 1))).Observation);
        explorer.BeginEpisode(perception);
        foreach (int action in actions)
            Act(env, perception, explorer, action);
        return (perception, explorer, env);
    }

    private static StepResult Act(DoorKeyEnvironment env, MiniGridPerception perception, NoveltyExplorer explorer, int action)
    {
        explorer.BeforeStep(perception);
        StepResult result = env.Step(action);
        perception.Observe(action, result.Observation);
        explorer.AfterStep(action, perception);
        return result;
    }

    [Fact]
    public void ActionTowards_APickedUpKey_IsTheFirstStepOfTheShortestWayToAKeyElsewhere()
    {
        // Learned in one room: turning, walking, and that pickup facing a key gives has_key.
        var (perception, explorer, env) = Taught(MiniGridEnvironment.Right, MiniGridEnvironment.Left, MiniGridEnvironment.Forward, MiniGridEnvironment.PickUp);
        Assert.True(perception.Facts.Get(MiniGridObservation.HasKeyFact));

        // Another room, the key below the agent: turn right (to face down), two steps, pick up.
        perception.Reset(env.Reset(Room(key: new CellPosition(1, 4))).Observation);
        explorer.BeginEpisode(perception);
        var goal = new FactCondition(HasKey, HasKey);
        var taken = new List<int>();
        while (!perception.Facts.Get(MiniGridObservation.HasKeyFact) && taken.Count < 10)
        {
            int action = explorer.ActionTowards(perception, goal, keep: 0) ?? -1;
            Assert.NotEqual(-1, action);
            taken.Add(action);
            Act(env, perception, explorer, action);
        }
        Assert.Equal([MiniGridEnvironment.Right, MiniGridEnvironment.Forward, MiniGridEnvironment.Forward, MiniGridEnvironment.PickUp], taken);
    }

    [Fact]
    public void ActionTowards_NothingThatAchievesTheGoalSeen_IsNull()
    {
        var (perception, explorer, _) = Taught(MiniGridEnvironment.Right, MiniGridEnvironment.Left, MiniGridEnvironment.Forward);
        Assert.Null(explorer.ActionTowards(perception, new FactCondition(1UL << MiniGridObservation.AtGoalFact, 1UL << MiniGridObservation.AtGoalFact), keep: 0));
    }

    [Fact]
    public void AnActionThatEndedAnEpisodeWithoutReward_IsNotExploredAgainThere()
    {
        var env = new DoorKeyEnvironment(7);
        var perception = new MiniGridPerception();
        var explorer = new NoveltyExplorer(7, Subgoals);
        MiniGridLayout withLava = Room(key: new CellPosition(5, 5), lava: new CellPosition(2, 1));
        perception.Reset(env.Reset(withLava).Observation);
        explorer.BeginEpisode(perception);
        Assert.True(perception.Facts.Get(MiniGridObservation.LavaAheadFact));
        StepResult death = Act(env, perception, explorer, MiniGridEnvironment.Forward);
        Assert.True(death.Terminated);
        explorer.EndEpisode(MiniGridEnvironment.Forward, failed: death.Reward <= 0);

        perception.Reset(env.Reset(withLava).Observation);
        explorer.BeginEpisode(perception);
        var rng = new Rng(7);
        for (int i = 0; i < 50; i++)
        {
            int action = explorer.ChooseAction(perception, rng);
            Assert.False(perception.Facts.Get(MiniGridObservation.LavaAheadFact) && action == MiniGridEnvironment.Forward, $"step {i}: forward into lava");
            Assert.False(Act(env, perception, explorer, action).Terminated, $"step {i}: the episode ended"); // the room has no goal: only lava ends it
        }
    }
}
