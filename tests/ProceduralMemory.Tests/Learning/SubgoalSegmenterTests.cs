using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Learning;

namespace ProceduralMemory.Tests.Learning;

public class SubgoalSegmenterTests
{
    private const ulong Key = 1, Door = 2, Goal = 4, All = 7;

    /// <summary>A step at (x, 0) facing +x with facts before and after, keyed as a grid perception keys it.</summary>
    private static AgentStep Step(int x, ulong facts, ulong next, int action = 2) =>
        new(new AgentPose(x, 0, 0).Key(facts), facts, [x], action, 0, next);

    [Fact]
    public void Segments_EndWhereASubgoalFactBecomesTrue()
    {
        AgentStep[] episode =
        [
            Step(0, 0, 0), Step(1, 0, Key),                 // walk, pick up
            Step(2, Key, Key), Step(3, Key, Key | Door),    // walk, open
            Step(4, Key | Door, Key | Door | Goal),         // reach the goal
        ];

        var chain = SubgoalSegmenter.Segment(episode, All);

        Assert.Equal([2, 2, 1], chain.Select(s => s.Steps.Count));
        Assert.Equal([0UL, Key, Key | Door], chain.Select(s => s.Preconditions.Values));
        Assert.Equal([Key, Door, Goal], chain.Select(s => s.Effect.Mask));
        Assert.All(chain, s => Assert.Equal(All, s.Preconditions.Mask));
    }

    [Fact]
    public void LosingAFact_IsNotABoundary_AndWinningItBackIsNoProgress()
    {
        AgentStep[] episode =
        [
            Step(0, 0, Key),                    // pick up
            Step(1, Key, Key | Door),           // open
            Step(2, Key | Door, Key, 5),        // close the door again: back where the door segment started
            Step(3, Key, Key | Door, 5),        // open it again: only this approach counts
            Step(4, Key | Door, Key | Door | Goal),
        ];

        var chain = SubgoalSegmenter.Segment(episode, All);

        Assert.Equal([Key, Door, Goal], chain.Select(s => s.Effect.Mask));
        Assert.Equal([3], chain[1].Steps.Select(s => (int)s.Features[0]));
        Assert.Equal([4], chain[2].Steps.Select(s => (int)s.Features[0]));
    }

    [Fact]
    public void LosingAFactOnTheWay_StaysInsideTheSegment()
    {
        AgentStep[] episode =
        [
            Step(0, Key | Door, Door, 4),            // drop the key: a state no segment started from
            Step(1, Door, Door),
            Step(2, Door, Door | Goal),
        ];

        var chain = SubgoalSegmenter.Segment(episode, All);

        Segment segment = Assert.Single(chain);
        Assert.Equal(Key | Door, segment.Preconditions.Values);
        Assert.Equal([0, 1, 2], segment.Steps.Select(s => (int)s.Features[0]));
    }

    [Fact]
    public void ReturningToAnEarlierSubgoalState_DropsTheChainBackToThere()
    {
        AgentStep[] episode =
        [
            Step(0, 0, Key),          // pick up
            Step(1, Key, 0, 4),       // drop: back where the first segment started
            Step(2, 0, Key),          // pick up again
            Step(3, Key, Key | Door),
        ];

        var chain = SubgoalSegmenter.Segment(episode, All);

        // The first pickup was superseded: only the last approach to each sub-goal remains.
        Assert.Equal([Key, Door], chain.Select(s => s.Effect.Mask));
        Assert.Equal([2], chain[0].Steps.Select(s => (int)s.Features[0]));
    }

    [Fact]
    public void CutLoops_DropsTheStepsBetweenTwoVisitsToOneState()
    {
        AgentStep[] episode = [Step(0, 0, 0), Step(1, 0, 0), Step(2, 0, 0), Step(1, 0, 0), Step(5, 0, 0)];

        var kept = SubgoalSegmenter.CutLoops(episode, 0, episode.Length - 1);

        Assert.Equal([0, 1, 5], kept.Select(s => (int)s.Features[0]));
    }

    [Fact]
    public void FactsOutsideTheMask_AreNotSubgoals()
    {
        AgentStep[] episode = [Step(0, 0, 8), Step(1, 8, 8 | Key)];
        var chain = SubgoalSegmenter.Segment(episode, All);
        Assert.Equal(Key, Assert.Single(chain).Effect.Mask);
        Assert.Equal(2, chain[0].Steps.Count);
    }
}
