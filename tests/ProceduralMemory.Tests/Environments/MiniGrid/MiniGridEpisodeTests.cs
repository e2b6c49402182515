using ProceduralMemory.Environments;
using ProceduralMemory.Environments.MiniGrid;
using static ProceduralMemory.Environments.MiniGrid.MiniGridEnvironment;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class MiniGridEpisodeTests
{
    [Theory]
    [InlineData(5, 250)]
    [InlineData(6, 360)]
    [InlineData(8, 640)]
    [InlineData(16, 2560)]
    public void MaxSteps_IsTenTimesTheGridArea(int size, int expected)
    {
        Assert.Equal(expected, new DoorKeyEnvironment(size).MaxSteps);
    }

    [Fact]
    public void Episode_IsTruncatedAtMaxSteps_NotBefore_AndThenRefusesSteps()
    {
        var env = new DoorKeyEnvironment(5);
        env.Reset(seed: 1);
        for (int step = 1; step < env.MaxSteps; step++)
            Assert.False(env.Step(Done).Done);

        StepResult last = env.Step(Done);

        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
        Assert.Equal(0, last.Reward);
        Assert.Throws<InvalidOperationException>(() => env.Step(Done));
    }

    [Fact]
    public void ReachingTheGoalOnTheLastStep_IsBothTerminatedAndTruncated_AsInMiniGrid()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>G#", "#...#", "#####");
        for (int step = 1; step < env.MaxSteps; step++)
            env.Step(Done);

        StepResult last = env.Step(Forward);

        Assert.True(last.Terminated);
        Assert.True(last.Truncated);
        Assert.Equal(1 - 0.9 * (250.0 / 250), last.Reward, 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public void Reward_OnTheGoal_IsOneMinusNineTenthsOfTheElapsedFraction(int waitSteps)
    {
        var env = AsciiLayout.Start("######", "#....#", "#.>G.#", "#....#", "#....#", "######");
        for (int i = 0; i < waitSteps; i++)
            env.Step(Done);

        StepResult result = env.Step(Forward);

        Assert.Equal(1 - 0.9 * (waitSteps + 1) / 360.0, result.Reward, 12);
    }

    [Fact]
    public void Step_BeforeAnyReset_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new DoorKeyEnvironment(5).Step(Forward));
    }

    [Fact]
    public void Reset_FromALayoutOfAnotherSize_Throws()
    {
        MiniGridLayout layout = AsciiLayout.Parse("#####", "#...#", "#.>.#", "#...#", "#####");

        Assert.Throws<ArgumentException>(() => new DoorKeyEnvironment(6).Reset(layout));
    }

    [Fact]
    public void Layout_RoundTripsThroughMiniGridsEncoding_AndRestartsTheSameEpisode()
    {
        var env = new DoorKeyEnvironment(8);
        Observation first = env.Reset(seed: 3).Observation.Clone();
        MiniGridLayout layout = env.CurrentLayout();

        var decoded = MiniGridLayout.FromEncoding(8, 8, layout.EncodeGrid(), layout.AgentPosition, layout.AgentDirection);
        var other = new DoorKeyEnvironment(8);
        Observation again = other.Reset(decoded).Observation;

        Assert.Equal(layout.EncodeGrid(), decoded.EncodeGrid());
        Assert.Equal(first.ToFeatureArray(), again.ToFeatureArray());
        Assert.Equal(first.Facts, again.Facts);
    }

    [Fact]
    public void Encoding_OfAnUnsupportedObject_IsRejected()
    {
        byte[] grid = AsciiLayout.Parse("#####", "#...#", "#.>.#", "#...#", "#####").EncodeGrid();
        grid[(1 * 5 + 1) * 3] = (byte)ObjectType.Floor;

        Assert.Throws<ArgumentException>(() => MiniGridLayout.FromEncoding(5, 5, grid, new CellPosition(2, 2), Direction.Right));
    }

    [Fact]
    public void Layout_WithTheAgentOnAWall_IsRejected()
    {
        var grid = new CellGrid(5, 5);
        grid.WallRectangle(0, 0, 5, 5);

        Assert.Throws<ArgumentException>(() => new MiniGridLayout(grid, new CellPosition(0, 0), Direction.Up));
    }

    [Fact]
    public void Features_AreOneHotsPerViewCell_ThenDirection_ThenCarrying()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>K#", "#...#", "#####");
        float[] before = env.Observation.ToFeatureArray();
        env.Step(PickUp);
        float[] after = env.Observation.ToFeatureArray();

        Assert.Equal(49 * 20 + 4 + 1, before.Length);
        Assert.Equal(49 * 3 + 1, before.Sum());
        Assert.Equal(1f, before[49 * 20 + (int)Direction.Right]);
        Assert.Equal(0f, before[^1]);
        Assert.Equal(1f, after[^1]);
        // The agent's cell (3, 6) now shows the yellow key.
        int agentCell = (3 * 7 + 6) * 20;
        Assert.Equal(1f, after[agentCell + (int)ObjectType.Key]);
        Assert.Equal(1f, after[agentCell + 11 + (int)ObjectColor.Yellow]);
    }

    [Fact]
    public void Observation_IsOverwrittenInPlace_ButAClonedOneKeepsItsValues()
    {
        var env = AsciiLayout.Start("#####", "#...#", "#.>K#", "#...#", "#####");
        Observation live = env.Observation;
        Observation kept = live.Clone();

        StepResult result = env.Step(PickUp);

        Assert.Same(live, result.Observation);
        Assert.False(kept.Facts.Get(MiniGridObservation.HasKeyFact));
        Assert.True(live.Facts.Get(MiniGridObservation.HasKeyFact));
    }

    [Fact]
    public void Step_AllocatesNothing_WhateverTheAction()
    {
        var env = new DoorKeyEnvironment(8);
        var rng = new Rng(3);
        env.Reset(seed: 3);
        for (int i = 0; i < 2000; i++)
            if (env.Step(rng.NextInt(7)).Done)
                env.Reset();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20000; i++)
            if (env.Step(rng.NextInt(7)).Done)
                env.Reset();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
