namespace ProceduralMemory.Environments;

/// <summary>
/// Runs episodes of uniformly random actions: a throughput benchmark and a smoke test for any environment.
/// </summary>
public static class RandomRollout
{
    // The action stream gets its own seed so that it is not the same bit sequence the environment draws
    // its layouts from.
    private const ulong ActionSeedSalt = 0xA5A5_5A5A_DEAD_BEEFUL;

    /// <summary>
    /// Runs <paramref name="episodes"/> episodes: the first reset takes <paramref name="seed"/>, later resets
    /// continue the environment's generator; actions come from a generator seeded from <paramref name="seed"/>.
    /// </summary>
    public static RolloutSummary Run(IEnvironment env, int episodes, int seed)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentOutOfRangeException.ThrowIfNegative(episodes);
        var rng = new Rng(unchecked((ulong)seed) ^ ActionSeedSalt);
        int actions = env.Actions.Count;
        long steps = 0;
        int terminated = 0, truncated = 0, succeeded = 0;
        double totalReward = 0;
        for (int episode = 0; episode < episodes; episode++)
        {
            env.Reset(episode == 0 ? seed : null);
            while (true)
            {
                StepResult result = env.Step(rng.NextInt(actions));
                steps++;
                totalReward += result.Reward;
                if (result.Done)
                {
                    terminated += result.Terminated ? 1 : 0;
                    succeeded += result.IsSuccess ? 1 : 0;
                    truncated += result.Truncated && !result.Terminated ? 1 : 0;
                    break;
                }
            }
        }
        return new RolloutSummary(episodes, steps, terminated, truncated, totalReward, succeeded);
    }
}
