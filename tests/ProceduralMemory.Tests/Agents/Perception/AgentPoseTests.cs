using ProceduralMemory.Agents.Perception;

namespace ProceduralMemory.Tests.Agents.Perception;

public class AgentPoseTests
{
    [Theory]
    [InlineData(0, 1, 0, 0, 1)]   // facing +x: ahead is +x, right is +y
    [InlineData(1, 0, 1, -1, 0)]  // facing +y: ahead is +y, right is -x
    [InlineData(2, -1, 0, 0, -1)]
    [InlineData(3, 0, -1, 1, 0)]
    public void Moved_GoesAheadAndRightInTheAgentsFrame(int direction, int aheadX, int aheadY, int rightX, int rightY)
    {
        var pose = new AgentPose(5, 5, direction);
        Assert.Equal(new AgentPose(5 + aheadX, 5 + aheadY, direction), pose.Moved(1, 0, 0));
        Assert.Equal(new AgentPose(5 + rightX, 5 + rightY, direction), pose.Moved(0, 1, 0));
    }

    [Fact]
    public void DeltaTo_InvertsMoved()
    {
        for (int direction = 0; direction < 4; direction++)
        {
            var pose = new AgentPose(2, -3, direction);
            var moved = pose.Moved(3, -2, 3);
            Assert.Equal((3, -2, 3), pose.DeltaTo(moved));
            Assert.Equal((3, -2), pose.Egocentric(moved.X, moved.Y));
        }
    }

    [Fact]
    public void Key_DistinguishesCellsDirectionsAndFacts()
    {
        var keys = new HashSet<long>();
        for (int x = -3; x <= 3; x++)
            for (int y = -3; y <= 3; y++)
                for (int d = 0; d < 4; d++)
                    for (ulong facts = 0; facts < 4; facts++)
                        Assert.True(keys.Add(new AgentPose(x, y, d).Key(facts)));
    }

    [Fact]
    public void Key_RefusesAFactItHasNoRoomFor_InsteadOfDroppingIt()
    {
        var pose = new AgentPose(1, 2, 3);

        Assert.NotEqual(pose.Key(0), pose.Key(1UL << (AgentPose.KeyFactBits - 1)));
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => pose.Key(1UL << AgentPose.KeyFactBits));
        Assert.Contains("fact 28 holds", refused.Message);
    }
}
