using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Neural;

namespace ProceduralMemory.Tests.Shared.Stores;

/// <summary>Deterministic skills, trajectories and episodes for store tests, and bit-exact comparisons of them.</summary>
internal static class StoreSamples
{
    public const int Dimension = 8;

    public static LibraryManifest Manifest { get; } =
        new("grid", ["has_key", "door_open", "at_goal"], ["left", "right", "forward"], FeatureCount: 5, EmbeddingDimension: Dimension,
            KeyModel: $"random-projection/v1 seed={ulong.MaxValue - 6} dim={Dimension} features=5");

    /// <summary>A skill unique to <paramref name="n"/>: its effect mask carries the top bit, and its key awkward floats.</summary>
    public static SkillRecord Skill(int n, int uses = 0, int successes = 0, bool neural = true) => new()
    {
        Name = $"skill-{n}",
        Preconditions = new FactCondition(0x8000_0000_0000_0001UL, 0x8000_0000_0000_0001UL),
        Effect = new FactCondition((1UL << 63) | (ulong)n << 1, (ulong)n << 1),
        Policy = neural ? Network(n) : OpenLoopPolicyCodec.Store([n % 3, 2, 1]),
        Key = Key(n),
        StepLimit = 10 + n,
        Uses = uses,
        Successes = successes,
        Demonstrations = 1,
    };

    public static float[] Key(int n)
    {
        float[] key = [-0.0f, float.Epsilon, float.MaxValue, -float.MaxValue, 1e-38f, MathF.PI, n, -n / 3f];
        return key[..Dimension];
    }

    /// <summary>A unit centroid of the sample dimension, distinct for each <paramref name="n"/>.</summary>
    public static float[] Centroid(int n)
    {
        var centroid = new float[Dimension];
        centroid[n % Dimension] = 0.6f;
        centroid[(n + 1) % Dimension] = -0.8f;
        return centroid;
    }

    /// <summary>A per-context state for skills 0 and 1 (skill 1 the variant split off into context 0), as a schema-6 library migrated takes it.</summary>
    public static ContextState ContextsOfTwoSkills => new()
    {
        Contexts = [new StoredContext(0, Centroid(0), 8, 0.5f)],
        Counts = [new ContextCount(0, 0, 3, 1)],
        Splits = [new StoredSplit(0, 0, 1, 4, "failing there")],
    };

    public static StoredPolicy Network(int n)
    {
        int[] sizes = [5, 4, 3];
        var parameters = new float[MlpWeights.ParameterCount(sizes)];
        for (int i = 0; i < parameters.Length; i++)
            parameters[i] = MathF.Sin(n * 31 + i) * (i % 2 == 0 ? 1 : -1e-20f);
        return MlpPolicyCodec.Store(new MlpWeights(sizes, HiddenActivation.Tanh, parameters));
    }

    /// <summary>A trajectory of <paramref name="length"/> steps, distinct for each <paramref name="seed"/>, with facts using bit 63.</summary>
    public static IReadOnlyList<AgentStep> Trajectory(int seed, int length = 3, int features = 5) =>
        [.. Enumerable.Range(0, length).Select(i => new AgentStep(
            (long)seed << 32 | (uint)i, (1UL << 63) | (uint)(seed + i), [.. Enumerable.Range(0, features).Select(f => seed + i * 0.5f - f)],
            i % 3, i == length - 1 ? 0.25 * seed : -0.0, ulong.MaxValue - (ulong)i))];

    public static EpisodeRecord Episode(int seed) =>
        new("doorkey-5x5", seed, 0.5 + seed, seed % 2 == 0, Trajectory(seed, length: 2, features: 0));

    public static NewSkill New(SkillRecord skill, params int[] demonstrationSeeds) =>
        new(skill, [.. demonstrationSeeds.Select(s => Trajectory(s))]);

    public static void AssertSameSkill(SkillRecord expected, SkillRecord actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Preconditions, actual.Preconditions);
        Assert.Equal(expected.Effect, actual.Effect);
        Assert.Equal(expected.Key.Select(BitConverter.SingleToInt32Bits), actual.Key.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(expected.Policy.Kind, actual.Policy.Kind);
        Assert.Equal(expected.Policy.Shape, actual.Policy.Shape);
        Assert.Equal(expected.Policy.Data, actual.Policy.Data);
        Assert.Equal(expected.StepLimit, actual.StepLimit);
        Assert.Equal((expected.Uses, expected.Successes, expected.Demonstrations), (actual.Uses, actual.Successes, actual.Demonstrations));
        Assert.Equal(expected.Retired, actual.Retired);
        Assert.Equal((expected.TrialStartUses, expected.TrialStartSuccesses), (actual.TrialStartUses, actual.TrialStartSuccesses));
        Assert.Equal(expected.Variant, actual.Variant);
    }

    /// <summary>Bit-exact equality of trajectories, through their shared binary form.</summary>
    public static void AssertSameTrajectory(IReadOnlyList<AgentStep> expected, IReadOnlyList<AgentStep> actual) =>
        Assert.Equal(TrajectoryCodec.Encode(expected), TrajectoryCodec.Encode(actual));
}
