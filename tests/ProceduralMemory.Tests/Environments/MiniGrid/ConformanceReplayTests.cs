using ProceduralMemory.Environments.MiniGrid.Conformance;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class ConformanceReplayTests
{
    [Fact]
    public void Replay_ReferenceTraces_AllEpisodesMatchMiniGrid()
    {
        IReadOnlyList<ConformanceTrace> traces = ConformanceFile.Load(DataFiles.ConformanceTraces);

        IReadOnlyList<ConformanceResult> results = ConformanceReplay.ReplayAll(traces);

        Assert.Equal(113, results.Count);
        Assert.Empty(results.SelectMany(r => r.Mismatches).Select(m => m.ToString()).Take(20));
    }
}
