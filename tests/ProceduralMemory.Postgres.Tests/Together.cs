using System.Runtime.ExceptionServices;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>
/// Runs actions on dedicated threads released at the same moment. Not the thread pool: threads that block in a barrier
/// or on a lock would starve it on a small machine, and the point is that they really run at once.
/// </summary>
internal static class Together
{
    /// <summary>Runs <paramref name="action"/>(0..count-1) on <paramref name="count"/> threads, each starting once all are ready; rethrows the first failure.</summary>
    public static void Run(int count, Action<int, Barrier> action)
    {
        using var ready = new Barrier(count);
        var failures = new Exception?[count];
        Thread[] threads = [.. Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            try
            {
                action(i, ready);
            }
            catch (Exception e)
            {
                failures[i] = e;
                ready.RemoveParticipant();
            }
        }))];
        foreach (Thread thread in threads)
            thread.Start();
        foreach (Thread thread in threads)
            thread.Join();
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            ExceptionDispatchInfo.Throw(failure);
    }
}
