using ProceduralMemory.Environments.MiniGrid;
using ProceduralMemory.Environments.MiniGrid.Conformance;
using ProceduralMemory.Environments.MiniGrid.Tasks;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Rooms;

public class RoomGridConformanceTests
{
    [Fact]
    public void Replay_ReferenceTraces_OfEveryRoomGridTask_AllEpisodesMatchMiniGrid()
    {
        var traces = MiniGridFamily.Tasks.Where(task => task.Create() is RoomGridEnvironment)
            .SelectMany(task => GeneratedLayouts.Recorded(task.MiniGridId)).ToList();

        IReadOnlyList<ConformanceResult> results = ConformanceReplay.ReplayAll(traces);

        // Unlock, UnlockPickup, BlockedUnlockPickup, six KeyCorridors and ten ObstructedMazes: 19 environments.
        Assert.Equal(19, traces.Select(t => t.Env).Distinct().Count());
        Assert.Equal(270, results.Count);
        Assert.Empty(results.SelectMany(r => r.Mismatches).Select(m => m.ToString()).Take(20));
        Assert.Contains(results, r => r.Trace.Steps.Count > 0 && r.Trace.Steps[^1].Terminated && r.Trace.Steps[^1].Reward > 0);
    }
}
