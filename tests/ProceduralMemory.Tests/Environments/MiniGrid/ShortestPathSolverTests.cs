using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Conformance;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class ShortestPathSolverTests
{
    private const int L = MiniGridEnvironment.Left, R = MiniGridEnvironment.Right, F = MiniGridEnvironment.Forward,
        Pick = MiniGridEnvironment.PickUp, Toggle = MiniGridEnvironment.Toggle;

    /// <summary>
    /// 5x5: a wall at x = 2 with a locked door at (2, 2); the agent at (1, 2) faces the door; the key lies above it
    /// at (1, 1); the goal at (3, 3).
    /// </summary>
    private static MiniGridLayout HandBuilt(bool withKey = true, bool secondKey = false)
    {
        var grid = new CellGrid(5, 5);
        grid.WallRectangle(0, 0, 5, 5);
        grid.VerticalWall(2, 0, 5);
        grid.Set(2, 2, new Door(ObjectColor.Yellow, DoorState.Locked));
        grid.Set(3, 3, new Goal());
        if (withKey)
            grid.Set(1, 1, new Key(ObjectColor.Yellow));
        if (secondKey)
            grid.Set(1, 3, new Key(ObjectColor.Blue));
        return new MiniGridLayout(grid, new CellPosition(1, 2), Direction.Right);
    }

    [Fact]
    public void HandBuiltLayout_HasTheShortestPlanWorkedOutByHand() =>
        // Turn to the key, take it, turn back, unlock, walk through, turn down, walk onto the goal.
        Assert.Equal([L, Pick, R, Toggle, F, F, R, F], ShortestPathSolver.Solve(HandBuilt())!);

    [Fact]
    public void WithoutAKey_TheGoalIsUnreachable() => Assert.Null(ShortestPathSolver.Solve(HandBuilt(withKey: false)));

    [Fact]
    public void ASecondKey_ChangesNothing_ButIsSearchedToo() =>
        Assert.Equal([L, Pick, R, Toggle, F, F, R, F], ShortestPathSolver.Solve(HandBuilt(secondKey: true))!);

    [Fact]
    public void MidEpisode_TheSearchStartsFromTheCurrentState_CarriedKeyIncluded_AndLeavesItAlone()
    {
        var environment = new DoorKeyEnvironment(5);
        environment.Reset(HandBuilt());
        environment.Step(L);
        environment.Step(Pick);
        string before = environment.RenderText();
        var observationBefore = environment.Observation.Rows.ToArray();

        Assert.Equal([R, Toggle, F, F, R, F], ShortestPathSolver.Solve(environment)!);

        Assert.Equal(before, environment.RenderText());
        Assert.Equal(2, environment.StepCount);
        Assert.IsType<Key>(environment.Carrying);
        Assert.Equal(observationBefore, environment.Observation.Rows);
        Assert.False(environment.Step(R).Done); // the episode goes on as if nothing had happened
    }

    [Fact]
    public void AFinishedEpisode_IsRefused()
    {
        var environment = new DoorKeyEnvironment(5);
        Assert.Throws<InvalidOperationException>(() => ShortestPathSolver.Solve(environment));
    }

    [Fact]
    public void ABallInTheWay_IsPickedUpAndDropped_ToFetchTheKey()
    {
        // The ball stands in front of the locked door; the key is in the far corner: the agent must put the ball
        // down somewhere else, since it can carry only one thing.
        MiniGridLayout layout = Layout(
            "#########",
            "#.....#.#",
            "#...>.LG#",
            "#########",
            (1, 1, new Key(ObjectColor.Yellow)), (5, 2, new Ball(ObjectColor.Blue)));
        int[] plan = ShortestPathSolver.Solve(layout)!;

        Assert.Contains(MiniGridEnvironment.Drop, plan);
        AssertSucceedsAtItsLastStep(new DoorKeyLikeRules(layout), plan);
    }

    [Fact]
    public void Lava_IsWalkedAround()
    {
        // Straight on is lava (which ends the episode without reward); round it is the goal.
        MiniGridLayout layout = Layout(
            "#####",
            "#>.G#",
            "#...#",
            "#####",
            (2, 1, Lava.Instance));

        Assert.Equal([R, F, L, F, F, L, F], ShortestPathSolver.Solve(layout)!);
    }

    [Fact]
    public void ATasksOwnSuccessRule_IsWhatTheSearchAimsFor()
    {
        // The goal is two steps ahead, but this task rewards picking up the ball (and the goal ends it unrewarded).
        MiniGridLayout layout = Layout(
            "######",
            "#>.G.#",
            "#.A..#",
            "######",
            (2, 2, new Ball(ObjectColor.Red)));
        var environment = new PickUpTheBall(layout);

        Assert.Equal([F, R, Pick], ShortestPathSolver.Solve(environment)!);
        Assert.Equal([F, F], ShortestPathSolver.Solve(layout)!); // MiniGrid's own rules: the goal
    }

    [Fact]
    public void BeyondTheStateBudget_TheAnswerIsNull()
    {
        Assert.NotNull(ShortestPathSolver.Solve(HandBuilt(), stateBudget: 200));
        Assert.Null(ShortestPathSolver.Solve(HandBuilt(), stateBudget: 5));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(8)]
    [InlineData(16)]
    public void Plans_Replayed_ReachTheGoalInExactlyTheirLength(int size)
    {
        var environment = new DoorKeyEnvironment(size);
        for (int seed = 0; seed < 25; seed++)
        {
            environment.Reset(seed);
            int[] plan = ShortestPathSolver.Solve(environment)!;
            Assert.NotNull(plan);

            environment.Reset(seed);
            for (int i = 0; i < plan.Length; i++)
            {
                StepResult step = environment.Step(plan[i]);
                Assert.Equal(i == plan.Length - 1, step.Terminated);
                Assert.Equal(i == plan.Length - 1, step.Reward > 0);
            }
        }
    }

    [Fact]
    public void ExpertTraces_OfTheReferenceMiniGrid_AreExactlyAsLong_AndNoTraceIsShorter()
    {
        // The recorded expert policy is a shortest solution; noisy and random episodes that finish are no shorter.
        var traces = ConformanceFile.Load(DataFiles.ConformanceTraces);
        Assert.Contains(traces, t => t.Policy == "expert");
        foreach (ConformanceTrace trace in traces)
        {
            int shortest = ShortestPathSolver.Solve(trace.Layout)!.Length;
            if (trace.Policy == "expert")
                Assert.True(shortest == trace.Steps.Count, $"{trace.Label}: solver {shortest}, expert {trace.Steps.Count}");
            else if (trace.Steps[^1].Terminated)
                Assert.True(shortest <= trace.Steps.Count, $"{trace.Label}: solver {shortest}, trace {trace.Steps.Count}");
        }
    }

    [Fact]
    public void RandomRollouts_NeverBeatTheSolver()
    {
        // Rollouts use every action, drop and done included, so a rule the search leaves out would show up here.
        var environment = new DoorKeyEnvironment(5);
        var rng = new Rng(11);
        int finished = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            environment.Reset(seed);
            int shortest = ShortestPathSolver.Solve(environment)!.Length;
            for (int rollout = 0; rollout < 100; rollout++)
            {
                environment.Reset(seed);
                for (int step = 1; step <= environment.MaxSteps; step++)
                {
                    StepResult result = environment.Step(rng.NextInt(environment.Actions.Count));
                    if (result.Terminated)
                    {
                        Assert.True(step >= shortest, $"Layout {seed}: a random rollout took {step} steps, the solver {shortest}.");
                        finished++;
                    }
                    if (result.Terminated || result.Truncated)
                        break;
                }
            }
        }
        Assert.True(finished > 50, $"Only {finished} rollouts finished: too few to compare.");
    }

    [Fact]
    public void OptimalMeanSteps_IsTheMeanPlanLength()
    {
        var environment = new DoorKeyEnvironment(8);
        int[] seeds = [0, 1, 2, 3, 4];
        double expected = seeds.Average(s =>
        {
            environment.Reset(s);
            return ShortestPathSolver.Solve(environment)!.Length;
        });

        Assert.Equal(expected, ShortestPlans.MeanLength("doorkey-8x8", seeds));
    }

    [Fact]
    public void TheYardstick_ReplaysEachPlan_ForItsReturn_TheSuccessRewardAtItsLength()
    {
        var environment = new DoorKeyEnvironment(8);
        int[] seeds = [0, 1, 2, 3, 4];
        double expected = seeds.Average(s =>
        {
            environment.Reset(s);
            return 1 - 0.9 * ShortestPathSolver.Solve(environment)!.Length / environment.MaxSteps;
        });

        ShortestPlanYardstick yardstick = ShortestPlans.Measure("doorkey-8x8", seeds)!;

        Assert.Equal((5, 5, true), (yardstick.Layouts, yardstick.Solved, yardstick.Complete));
        Assert.Equal(expected, yardstick.MeanReturn!.Value, 12);
        Assert.Equal(0.5, yardstick.Normalise(expected / 2)!.Value, 12);
    }

    [Fact]
    public void WithALayoutUnsolved_TheMeansAndTheNormalisedReturnAreUnknown()
    {
        var yardstick = new ShortestPlanYardstick(Layouts: 3, Solved: 2, MeanSteps: null, MeanReturn: null);
        Assert.False(yardstick.Complete);
        Assert.Null(yardstick.Normalise(0.5));
    }

    [Fact]
    public void OptimalMeanSteps_IsNullForAnEnvironmentThatCannotPlan_AndRefusesNoSeeds()
    {
        Assert.Null(ShortestPlans.MeanLength("gridworld", [0]));
        Assert.Null(ShortestPlans.Measure("gridworld", [0]));
        Assert.Throws<ArgumentException>(() => ShortestPlans.MeanLength("doorkey-5x5", []));
    }
    /// <summary>A layout from rows (as <see cref="AsciiLayout"/>; 'A' marks a cell that <paramref name="objects"/> fills) with objects put in.</summary>
    private static MiniGridLayout Layout(string r0, string r1, string r2, string r3, params (int X, int Y, WorldObject Cell)[] objects)
    {
        MiniGridLayout ascii = AsciiLayout.Parse(r0, r1.Replace('A', '.'), r2.Replace('A', '.'), r3);
        CellGrid grid = ascii.Grid.Clone();
        foreach (var (x, y, cell) in objects)
            grid.Set(x, y, cell);
        return new MiniGridLayout(grid, ascii.AgentPosition, ascii.AgentDirection);
    }

    private static void AssertSucceedsAtItsLastStep(MiniGridEnvironment environment, int[] plan)
    {
        for (int i = 0; i < plan.Length; i++)
        {
            StepResult step = environment.Step(plan[i]);
            Assert.Equal(i == plan.Length - 1, step.Terminated);
            Assert.Equal(i == plan.Length - 1, step.Reward > 0);
        }
    }

    /// <summary>MiniGrid's plain rules on a given layout (the goal ends the episode), started on construction.</summary>
    private class DoorKeyLikeRules : MiniGridEnvironment
    {
        public DoorKeyLikeRules(MiniGridLayout layout)
            : base("test-layout", layout.Width, layout.Height, 100) => Reset(layout);

        protected override EpisodeStart Generate(CellGrid grid, Rng rng) => throw new NotSupportedException();
    }

    /// <summary>A task that succeeds when the agent picks up a ball (and fails on the goal), defined only here.</summary>
    private sealed class PickUpTheBall(MiniGridLayout layout) : DoorKeyLikeRules(layout)
    {
        protected override void AfterStep(int action, ref double reward, ref bool terminated)
        {
            bool pickedUpTheBall = action == PickUp && Carrying is Ball;
            reward = pickedUpTheBall ? SuccessReward : 0; // the goal still ends the episode, but unrewarded
            terminated |= pickedUpTheBall;
        }
    }
}
