namespace ProceduralMemory.Agents.Baselines;

/// <summary>
/// Generalised advantage estimation (Schulman et al. 2016) over a rollout of several environments stepped in
/// lockstep, stored step-major: sample <c>t · lanes + e</c> is environment <c>e</c>'s step <c>t</c>.
/// </summary>
public static class GeneralisedAdvantage
{
    /// <summary>
    /// Writes each sample's advantage <c>Aₜ = δₜ + γλ·(1 − doneₜ)·Aₜ₊₁</c>, with <c>δₜ = rₜ + γ·(1 − doneₜ)·Vₜ₊₁ − Vₜ</c>,
    /// and its return target <c>Aₜ + Vₜ</c>. A done step ends its episode: nothing after it flows back into it (a
    /// time limit's bootstrap, if any, is already in its reward). The value after a lane's last step is
    /// <paramref name="lastValues"/>.
    /// </summary>
    /// <param name="rewards">Reward of each sample.</param>
    /// <param name="values">The critic's value of each sample's observation.</param>
    /// <param name="dones">Whether each sample's step ended its episode.</param>
    /// <param name="lastValues">The value of the observation after each lane's last step, one per lane.</param>
    /// <param name="discount">γ.</param>
    /// <param name="lambda">λ.</param>
    /// <param name="advantages">Receives the advantages.</param>
    /// <param name="returns">Receives the return targets.</param>
    public static void Compute(ReadOnlySpan<float> rewards, ReadOnlySpan<float> values, ReadOnlySpan<bool> dones,
        ReadOnlySpan<float> lastValues, float discount, float lambda, Span<float> advantages, Span<float> returns)
    {
        int lanes = lastValues.Length, n = rewards.Length;
        if (lanes == 0 || n % lanes != 0)
            throw new ArgumentException($"{n} samples do not fill whole steps of {lanes} lanes.", nameof(lastValues));
        if (values.Length != n || dones.Length != n || advantages.Length != n || returns.Length != n)
            throw new ArgumentException("Rewards, values, dones, advantages and returns must have one entry per sample.");
        for (int e = 0; e < lanes; e++)
        {
            float nextValue = lastValues[e], nextAdvantage = 0f;
            for (int i = n - lanes + e; i >= 0; i -= lanes)
            {
                float live = dones[i] ? 0f : 1f;
                float delta = rewards[i] + discount * nextValue * live - values[i];
                float advantage = delta + discount * lambda * live * nextAdvantage;
                advantages[i] = advantage;
                returns[i] = advantage + values[i];
                nextValue = values[i];
                nextAdvantage = advantage;
            }
        }
    }
}
