using ProceduralMemory.Environments.MiniGrid.Conformance;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class EmptyLavaCrossingConformanceTests
{
    private static readonly string[] Environments =
    [
        "MiniGrid-Empty-5x5-v0", "MiniGrid-Empty-Random-6x6-v0", "MiniGrid-Empty-16x16-v0", "MiniGrid-FourRooms-v0",
        "MiniGrid-LavaGapS5-v0", "MiniGrid-LavaGapS7-v0", "MiniGrid-LavaCrossingS9N1-v0", "MiniGrid-LavaCrossingS11N5-v0",
        "MiniGrid-SimpleCrossingS9N1-v0", "MiniGrid-SimpleCrossingS11N5-v0",
    ];

    [Fact]
    public void Replay_ReferenceTraces_OfEmptyFourRoomsLavaAndCrossings_AllMatchMiniGrid()
    {
        List<ConformanceTrace> traces = Environments.SelectMany(GeneratedLayouts.Recorded).ToList();

        IReadOnlyList<ConformanceResult> results = ConformanceReplay.ReplayAll(traces);

        // 20 recorded episodes per environment, every one of them replayed.
        Assert.Equal(Environments.Order(), traces.Select(t => t.Env).Distinct().Order());
        Assert.Equal(20 * Environments.Length, results.Count);
        Assert.Empty(results.SelectMany(r => r.Mismatches).Select(m => m.ToString()).Take(20));
    }
}
