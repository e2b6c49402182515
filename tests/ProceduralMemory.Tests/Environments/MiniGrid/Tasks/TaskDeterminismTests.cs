using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid.Tasks;

public class TaskDeterminismTests
{
    public static TheoryData<string> TaskIds() => new(
        "MiniGrid-MultiRoom-N2-S4-v0", "MiniGrid-MultiRoom-N4-S5-v0", "MiniGrid-MultiRoom-N6-v0", "MiniGrid-LockedRoom-v0",
        "MiniGrid-GoToDoor-5x5-v0", "MiniGrid-GoToDoor-8x8-v0", "MiniGrid-GoToObject-6x6-N2-v0", "MiniGrid-Fetch-5x5-N2-v0",
        "MiniGrid-PutNear-6x6-N2-v0", "MiniGrid-RedBlueDoors-6x6-v0");

    [Theory]
    [MemberData(nameof(TaskIds))]
    public void Generate_SameSeed_SameLayout_OtherSeeds_OtherLayouts(string miniGridId)
    {
        MiniGridTask task = MiniGridFamily.FindById(miniGridId) ?? throw new InvalidOperationException($"{miniGridId} is not registered.");
        MiniGridEnvironment a = task.Create(), b = task.Create();

        var layouts = new HashSet<string>();
        for (int seed = 0; seed < 30; seed++)
        {
            a.Reset(seed);
            b.Reset(seed);
            Assert.Equal(TaskLayouts.Describe(a), TaskLayouts.Describe(b));
            Assert.Equal(a.LayoutFingerprint(seed), b.LayoutFingerprint(seed));
            layouts.Add(TaskLayouts.Describe(a));
        }
        // The smallest task (GoToDoor 5x5) has a few hundred layouts; 30 seeds rarely repeat one.
        Assert.True(layouts.Count >= 25, $"{miniGridId}: only {layouts.Count} distinct layouts in 30 seeds.");
    }

    [Theory]
    [MemberData(nameof(TaskIds))]
    public void Reset_FromItsOwnLayout_StartsTheSameEpisode(string miniGridId)
    {
        MiniGridTask task = MiniGridFamily.FindById(miniGridId)!;
        MiniGridEnvironment generated = task.Create(), replayed = task.Create();
        for (int seed = 0; seed < 20; seed++)
        {
            generated.Reset(seed);
            replayed.Reset(generated.CurrentLayout());
            Assert.Equal(TaskLayouts.Describe(generated), TaskLayouts.Describe(replayed));
            Assert.Equal(generated.Observation.Rows, replayed.Observation.Rows);
        }
    }
}
