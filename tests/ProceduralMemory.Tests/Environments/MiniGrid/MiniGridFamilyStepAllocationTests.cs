using ProceduralMemory.Environments.MiniGrid;

namespace ProceduralMemory.Tests.Environments.MiniGrid;

public class MiniGridFamilyStepAllocationTests
{
    public static TheoryData<string> Environments() => [.. MiniGridFamily.Tasks.Select(task => task.Name)];

    /// <summary>
    /// Random actions over many episodes of every registered MiniGrid environment: the steps allocate nothing. Only
    /// the steps are counted; the resets between episodes (which may build a mission string) are not.
    /// </summary>
    [Theory]
    [MemberData(nameof(Environments))]
    public void Stepping_AllocatesNothing_WhateverTheActions(string name)
    {
        MiniGridEnvironment environment = MiniGridFamily.Tasks.Single(task => task.Name == name).Create();
        var rng = new Rng(5);
        Play(environment, rng, steps: 2000); // first calls, lazily filled tables

        // The runtime may allocate once on this thread while it swaps in a method's optimised code (tiered
        // compilation, at a time of its choosing); an allocation of the environment's would recur in every run of
        // 20,000 random steps, so one run without any is what is asked.
        long least = long.MaxValue;
        for (int run = 0; run < 3 && least > 0; run++)
            least = Math.Min(least, Play(environment, rng, steps: 20000));

        Assert.Equal(0, least);
    }

    // Plays `steps` random actions, resetting whenever an episode ends; returns the bytes the steps allocated.
    private static long Play(MiniGridEnvironment environment, Rng rng, int steps)
    {
        long allocated = 0;
        environment.Reset(seed: 1);
        for (int i = 0; i < steps; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool done = environment.Step(rng.NextInt(environment.Actions.Count)).Done;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            if (done)
                environment.Reset();
        }
        return allocated;
    }
}
