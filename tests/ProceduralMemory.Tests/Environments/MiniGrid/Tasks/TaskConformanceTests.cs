using ProceduralMemory.Environments.MiniGrid.Conformance;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class TaskConformanceTests
{
    private static readonly string[] TaskNames = ["MultiRoom", "LockedRoom", "GoToDoor", "GoToObject", "Fetch", "PutNear", "RedBlueDoors"];

    [Fact]
    public void Replay_ReferenceTraces_OfRoomChainsAndInstructionTasks_AllMatchMiniGrid()
    {
        IReadOnlyList<ConformanceTrace> traces = ConformanceFile.Load(DataFiles.FamilyConformanceTraces)
            .Where(t => TaskNames.Any(name => t.Env.StartsWith($"MiniGrid-{name}-", StringComparison.Ordinal)))
            .ToList();

        IReadOnlyList<ConformanceResult> results = ConformanceReplay.ReplayAll(traces);

        // 20 episodes of each of MultiRoom x3, GoToDoor x2, GoToObject, Fetch, PutNear, RedBlueDoors; 10 of LockedRoom.
        Assert.Equal(190, results.Count);
        Assert.Empty(results.SelectMany(r => r.Mismatches).Select(m => m.ToString()).Take(20));
        // The traces exercise the tasks' own rules: a rewarded drop, an unrewarded wrong pickup.
        Assert.Contains(traces, t => t.Env.Contains("PutNear") && t.Steps[^1].Reward > 0);
        Assert.Contains(traces, t => t.Env.Contains("Fetch") && t.Steps[^1].Terminated && t.Steps[^1].Reward == 0);
    }
}
