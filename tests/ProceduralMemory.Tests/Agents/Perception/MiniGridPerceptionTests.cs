using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Tests.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Agents.Perception;

public class MiniGridPerceptionTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(16)]
    public void DeadReckonedPose_MatchesTheSimulatorsPosition_AndTheMapMatchesTheGrid_OverRandomRollouts(int size)
    {
        var env = new DoorKeyEnvironment(size);
        var perception = new MiniGridPerception();
        var rng = new Rng(3);
        int checkedCells = 0;
        for (int episode = 0; episode < 30; episode++)
        {
            perception.Reset(env.Reset(episode).Observation);
            var start = env.AgentPosition;
            for (int t = 0; t < 150; t++)
            {
                int action = rng.NextInt(7);
                var step = env.Step(action);
                perception.Observe(action, step.Observation);
                Assert.Equal(new AgentPose(env.AgentPosition.X - start.X, env.AgentPosition.Y - start.Y, (int)env.AgentDirection), perception.Pose);
                // Every cell now in view is remembered as what it is.
                foreach (var (x, y) in VisibleCells(env))
                {
                    Assert.Equal(env.CellAt(x, y).Type, perception.RememberedAt(x - start.X, y - start.Y));
                    checkedCells++;
                }
                if (step.Done)
                    break;
            }
        }
        Assert.True(checkedCells > 1000);
    }

    [Fact]
    public void Features_LocateTheRememberedKeyInTheAgentsFrame()
    {
        var env = new DoorKeyEnvironment(8);
        var perception = new MiniGridPerception();
        for (int seed = 0; seed < 50; seed++)
        {
            perception.Reset(env.Reset(seed).Observation);
            if (!env.Observation.Facts.Get(MiniGridObservation.KeyVisibleFact))
                continue;
            var features = new float[perception.FeatureCount];
            perception.WriteFeatures(features);
            var key = FindKey(env);
            var (ahead, right) = new AgentPose(env.AgentPosition.X, env.AgentPosition.Y, (int)env.AgentDirection).Egocentric(key.X, key.Y);
            // Direction one-hot (4) and carrying (1) come first; then the key's slot: known, ahead / 8, right / 8.
            Assert.Equal(1f, features[5]);
            Assert.Equal(ahead / 8f, features[6]);
            Assert.Equal(right / 8f, features[7]);
            return;
        }
        Assert.Fail("no layout among 50 showed the key at the start");
    }

    private static (int X, int Y) FindKey(DoorKeyEnvironment env)
    {
        for (int x = 0; x < env.Width; x++)
            for (int y = 0; y < env.Height; y++)
                if (env.CellAt(x, y).Type == ObjectType.Key)
                    return (x, y);
        throw new InvalidOperationException("no key");
    }

    private static IEnumerable<(int X, int Y)> VisibleCells(DoorKeyEnvironment env)
    {
        var (dx, dy) = AgentView.ViewToGrid((int)env.AgentDirection);
        for (int i = 0; i < AgentView.Size; i++)
            for (int j = 0; j < AgentView.Size; j++)
            {
                if ((i, j) == (AgentView.AgentI, AgentView.AgentJ) || env.Observation.ViewAt(i, j).Type == (byte)ObjectType.Unseen)
                    continue;
                int x = env.AgentPosition.X + dx[i, j], y = env.AgentPosition.Y + dy[i, j];
                if (x >= 0 && y >= 0 && x < env.Width && y < env.Height)
                    yield return (x, y);
            }
    }
}

public class DoorFactTests
{
    // Facing right (or down) the agent sees the open door (O) but not the closed one (D); facing left, the reverse.
    private static DoorKeyEnvironment TwoDoors() => AsciiLayout.Start(
        "#######",
        "#D....#",
        "#.....#",
        "#..>..#",
        "#.....#",
        "#....O#",
        "#######");

    [Fact]
    public void TheObservationsDoorOpen_IsADoorInViewWithEveryDoorInViewOpen_NeverADoorOutOfSight()
    {
        DoorKeyEnvironment env = TwoDoors();
        Assert.True(env.Observation.Facts.Get(MiniGridObservation.DoorOpenFact)); // the closed door is behind

        env.Step(MiniGridEnvironment.Left);
        env.Step(MiniGridEnvironment.Left);
        Assert.False(env.Observation.Facts.Get(MiniGridObservation.DoorOpenFact)); // the closed door in view, the open one behind
    }

    [Fact]
    public void ThePerceptionsDoorOpen_KeepsEachDoorsStateFromWhenItWasLastSeen()
    {
        DoorKeyEnvironment env = TwoDoors();
        var perception = new MiniGridPerception();
        perception.Reset(env.Observation);
        Assert.True(perception.Facts.Get(MiniGridObservation.DoorOpenFact)); // only the open door seen so far

        foreach (int action in new[] { MiniGridEnvironment.Left, MiniGridEnvironment.Left })
            perception.Observe(action, env.Step(action).Observation);
        Assert.False(perception.Facts.Get(MiniGridObservation.DoorOpenFact)); // the closed door seen

        foreach (int action in new[] { MiniGridEnvironment.Left, MiniGridEnvironment.Left })
            perception.Observe(action, env.Step(action).Observation);
        // Only the open door is in view now, but the closed one is remembered as it was last seen.
        Assert.True(env.Observation.Facts.Get(MiniGridObservation.DoorOpenFact));
        Assert.False(perception.Facts.Get(MiniGridObservation.DoorOpenFact));
    }

    [Fact]
    public void ThePerceptionsDoorOpen_IsFalseUntilADoorHasBeenSeen_AndOtherFactsAreTheObservations()
    {
        DoorKeyEnvironment env = AsciiLayout.Start("#######", "#.....#", "#.....#", "#D.>..#", "#.....#", "#.....#", "#######");
        var perception = new MiniGridPerception();
        perception.Reset(env.Observation);

        Assert.False(env.Observation.Facts.Get(MiniGridObservation.DoorVisibleFact));
        Assert.False(env.Observation.Facts.Get(MiniGridObservation.DoorOpenFact));
        Assert.False(perception.Facts.Get(MiniGridObservation.DoorOpenFact));
        Assert.Equal(env.Observation.Facts, perception.Facts);
    }
}
