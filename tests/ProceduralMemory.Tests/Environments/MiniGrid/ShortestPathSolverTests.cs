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
    public void TwoCarriableObjects_AreRefused() =>
        Assert.Throws<ArgumentException>(() => ShortestPathSolver.Solve(HandBuilt(secondKey: true)));

    [Fact]
    public void ACarryingEnvironment_IsRefused()
    {
        var environment = new DoorKeyEnvironment(5);
        environment.Reset(HandBuilt());
        environment.Step(L);
        environment.Step(Pick);
        Assert.Throws<InvalidOperationException>(() => ShortestPathSolver.Solve(environment));
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
    public void OptimalMeanSteps_IsNullForAnEnvironmentThatCannotPlan_AndRefusesNoSeeds()
    {
        Assert.Null(ShortestPlans.MeanLength("gridworld", [0]));
        Assert.Throws<ArgumentException>(() => ShortestPlans.MeanLength("doorkey-5x5", []));
    }
}
