using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Memory.Keys;

/// <summary>
/// Re-keys a library with a situation encoder trained on it (<c>procmem skills encode</c>): the encoder learns the
/// situations the library's kept demonstrations start from, and each skill's key becomes the normalised mean of its
/// demonstrations' starting keys, as the agent keys a skill (the running mean of its demonstrations' starts). A
/// chain of skills has no demonstrations of its own and takes its first child's key, as the agent gives it. Each
/// starting situation is labelled with its skill's effect, so that a positive
/// <see cref="VariationalEncoderOptions.Separation"/> keeps skills with different effects apart (variants of one effect
/// share a label).
/// </summary>
public static class SituationRekeying
{
    /// <summary>A re-key ready to commit: the trained model, and the commit that stores it with every skill's new key.</summary>
    /// <param name="Provider">The trained encoder's key provider.</param>
    /// <param name="Commit">The one transaction that re-keys the library.</param>
    /// <param name="Situations">How many starting situations the encoder learned from.</param>
    /// <param name="LastEpoch">The encoder's loss in its last training epoch.</param>
    public sealed record Plan(SituationEncoderKeyProvider Provider, LibraryCommit Commit, int Situations, VariationalLoss LastEpoch);

    /// <summary>Trains the encoder on <paramref name="skills"/>' demonstrations and keys every skill with it.</summary>
    /// <param name="manifest">The library's manifest.</param>
    /// <param name="skills">Every stored skill.</param>
    /// <param name="demonstrationsOf">A skill's kept demonstrations, by id.</param>
    /// <param name="options">The encoder's shape and training.</param>
    /// <param name="training">Told how many situations the encoder learns from, once every check has passed and training starts.</param>
    /// <exception cref="LibraryException">The library has no features to encode, no demonstrations, skills that cannot be keyed, or
    /// variants bound to per-context lifecycle contexts (named).</exception>
    public static Plan Prepare(LibraryManifest manifest, IReadOnlyList<SkillRecord> skills,
        Func<int, IReadOnlyList<IReadOnlyList<AgentStep>>> demonstrationsOf, VariationalEncoderOptions options, Action<int>? training = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(skills);
        ArgumentNullException.ThrowIfNull(demonstrationsOf);
        if (manifest.FeatureCount == 0)
            throw new LibraryException($"the library's skills read no features (domain '{manifest.Domain}'); a situation encoder has nothing to learn");
        // A context is a cluster of today's keys and a re-key drops them all; a variant bound to one would be stranded,
        // and its label (part of its identity) would collide with the variant of a new context of the same number.
        List<string> bound = [.. skills.Where(s => SkillSplit.IsVariantLabel(s.Variant)).Select(s => $"#{s.Id} {s.Name} ({s.Variant})")];
        if (bound.Count > 0)
            throw new LibraryException($"{bound.Count} skill{(bound.Count == 1 ? " is a variant" : "s are variants")} bound to a context of the current keys, which a re-key would strand: {string.Join(", ", bound.Take(10))}{(bound.Count > 10 ? ", ..." : "")}; re-key a library before splitting it per context");
        var starts = new Dictionary<int, float[][]>();
        foreach (SkillRecord skill in skills)
            starts[skill.Id] = [.. demonstrationsOf(skill.Id).Where(d => d.Count > 0).Select(d => d[0].Features)];
        if (starts.Values.SelectMany(s => s).FirstOrDefault(f => f.Length != manifest.FeatureCount) is { } odd)
            throw new LibraryException($"a kept demonstration starts with {odd.Length} features, not the library's {manifest.FeatureCount}");
        List<float[]> samples = [.. skills.SelectMany(s => starts[s.Id])];
        List<string> effects = [.. skills.SelectMany(s => starts[s.Id].Select(_ => $"{s.Effect.Mask:x16}/{s.Effect.Values:x16}"))];
        if (samples.Count == 0)
            throw new LibraryException("the library keeps no demonstrations: there is nothing to train a situation encoder on");

        // Every skill is checked keyable before the encoder trains: a chain borrows its first child's key.
        var byName = skills.ToDictionary(s => s.Name, s => s, StringComparer.Ordinal);
        var borrowed = new Dictionary<int, int>();
        var unkeyed = new List<string>();
        foreach (SkillRecord skill in skills.Where(s => starts[s.Id].Length == 0))
        {
            if (skill.Policy.Kind == SkillChainPolicy.KindName && skill.Policy.ToPolicy() is SkillChainPolicy { Children.Count: > 0 } chain
                && byName.TryGetValue(chain.Children[0], out SkillRecord? first) && starts[first.Id].Length > 0)
                borrowed[skill.Id] = first.Id;
            else
                unkeyed.Add($"#{skill.Id} {skill.Name}");
        }
        if (unkeyed.Count > 0)
            throw new LibraryException($"{unkeyed.Count} skill{(unkeyed.Count == 1 ? "" : "s")} keep{(unkeyed.Count == 1 ? "s" : "")} no demonstrations to key {(unkeyed.Count == 1 ? "it" : "them")} by: {string.Join(", ", unkeyed.Take(10))}{(unkeyed.Count > 10 ? ", ..." : "")}");

        training?.Invoke(samples.Count);
        var (encoder, lastEpoch) = StandardizedEncoder.Train(samples, options, effects);
        var provider = new SituationEncoderKeyProvider(encoder);
        var keys = new Dictionary<int, float[]>();
        foreach (SkillRecord skill in skills.Where(s => starts[s.Id].Length > 0))
        {
            var mean = new float[provider.Dimension];
            foreach (float[] start in starts[skill.Id])
                System.Numerics.Tensors.TensorPrimitives.Add(mean, provider.KeyOf(start), mean);
            VectorMath.NormalizeInPlace(mean);
            keys[skill.Id] = mean;
        }
        foreach (var (chain, first) in borrowed)
            keys[chain] = (float[])keys[first].Clone();

        var commit = new LibraryCommit
        {
            Updates = [.. skills.Select(s => new SkillUpdate(s.Id) { Key = keys[s.Id] })],
            Rekey = new KeyModelChange(provider.ModelId, provider.Dimension, StandardizedEncoderCodec.Encode(encoder)),
        };
        return new Plan(provider, commit, samples.Count, lastEpoch);
    }
}
