using ProceduralMemory.Neural;

namespace ProceduralMemory.Learning;

/// <summary>
/// Adaptation with the original protected: a skill's network that fails in a new situation is copied, the copy is
/// fine-tuned on the new experience (a few passes, a small learning rate), and it is judged against the original on
/// steps of that experience it never trained on. The original's weights are only read, so they stay bit-identical
/// whatever happens to the copy.
/// </summary>
/// <remarks>
/// Judged on experience only: the held-out steps are what was done in the new situation (a demonstration the agent
/// recorded through its own perception), and "better" is a lower cross-entropy of those actions, not anything the
/// simulator knows.
/// </remarks>
public static class SkillAdaptation
{
    /// <summary>Fine-tunes a copy of <paramref name="original"/> on <paramref name="experience"/> and judges it.</summary>
    /// <param name="original">The stored skill's network; read, never written.</param>
    /// <param name="experience">The new situation's demonstrations (state-action sequences), oldest first.</param>
    /// <param name="options">How long, how fast, and how the copy is judged.</param>
    /// <returns>The copy and its judgement; experience shorter than <see cref="SkillAdaptationOptions.ValidationEvery"/> steps leaves nothing to judge on, so the copy is untrained and not accepted.</returns>
    /// <exception cref="ArgumentException">The experience does not fit the network.</exception>
    public static SkillAdaptationResult Adapt(Mlp original, IEnumerable<IReadOnlyList<AgentStep>> experience, SkillAdaptationOptions options)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(experience);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var training = new Demonstrations(original.InputSize);
        var heldOut = new Demonstrations(original.InputSize);
        int index = 0;
        foreach (IReadOnlyList<AgentStep> demonstration in experience)
            foreach (AgentStep step in demonstration)
                (++index % options.ValidationEvery == 0 ? heldOut : training).Add(step.Features, step.Action);
        Mlp copy = Mlp.FromWeights(original.GetWeights());
        if (heldOut.Count == 0) // too short to judge a copy on: nothing to gain from training one
            return new SkillAdaptationResult(copy, float.NaN, float.NaN, training.Count, 0, 0, Accepted: false);
        BehaviourCloningResult fit = BehaviourCloning.Train(copy, training, options.Cloning);
        int batches = (training.Count + Math.Min(options.BatchSize, training.Count) - 1) / Math.Min(options.BatchSize, training.Count);
        float before = MeanLoss(original, heldOut), after = MeanLoss(copy, heldOut);
        bool accepted = after < before * (1 - options.MinimumImprovement);
        return new SkillAdaptationResult(copy, before, after, training.Count, heldOut.Count, fit.EpochsRun * batches, accepted);
    }

    /// <summary>The mean cross-entropy of <paramref name="network"/> imitating <paramref name="data"/>.</summary>
    public static float MeanLoss(Mlp network, Demonstrations data)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        double total = 0;
        for (int i = 0; i < data.Count; i++)
            total += network.Loss(data.Features(i), data.Action(i));
        return data.Count == 0 ? 0f : (float)(total / data.Count);
    }
}
