using ProceduralMemory.Agents;
using ProceduralMemory.Agents.Perception;
using ProceduralMemory.Environments;
using ProceduralMemory.Learning;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Attention;
using ProceduralMemory.Memory.Contexts;
using ProceduralMemory.Training;

namespace ProceduralMemory.Tests.Agents;

/// <summary>
/// The agent with attention retrieval (<see cref="ProceduralMemoryAgentOptions.Attention"/>). Skill networks act only
/// where the explorer has no plan, so these agents keep <see cref="ProceduralMemoryAgentOptions.ExploreForUnplannedSkills"/>
/// off: there the networks choose actions and retrieval matters.
/// </summary>
public class AttentionAgentTests
{
    private static readonly int[] HeldOut = Enumerable.Range(0, 20).ToArray();

    private static (ProceduralMemoryAgent Agent, IReadOnlyList<LearningCurvePoint> Curve, EpisodeSummary[] Episodes) Run(string env, int steps,
        AttentionRetrievalOptions? attention, ulong seed = 3, float matchSimilarity = float.NegativeInfinity)
    {
        IEnvironment environment = EnvironmentRegistry.Create(env);
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions
        {
            Seed = seed, ExploreForUnplannedSkills = false, Attention = attention, MatchSimilarity = matchSimilarity,
        });
        var plan = new TrainingPlan { MaxSteps = steps, TrainingSeed = (int)seed, EvaluationSeeds = HeldOut, EpisodeStepLimit = environment.MaxSteps, CheckpointEvery = steps };
        IReadOnlyList<LearningCurvePoint> curve = LearningRun.Train(agent, plan);
        EpisodeSummary[] episodes = HeldOut.Select(layout => agent.PlayEpisode(layout, environment.MaxSteps, learn: false)).ToArray();
        return (agent, curve, episodes);
    }

    [Fact]
    public void WithoutAttention_TheNetworksActAsTheyDidBeforeAttentionExisted()
    {
        var (agent, curve, episodes) = Run("doorkey-6x6", 2000, attention: null);

        Assert.True(agent.NetworkActions > 0, "no network chose an action: nothing is pinned");
        Assert.Equal(0, agent.BlendedActions);
        // Measured with main's agent before attention retrieval was added (commit 22916c5), the same training and evaluation.
        Assert.Equal([0.7601249999999999, 0.969125], curve.Select(point => point.Evaluation.MeanReturn));
        Assert.Equal([11, 8, 11, 15, 19, 10, 13, 17, 10, 14, 14, 13, 10, 12, 15, 11, 9, 7, 14, 14], episodes.Select(e => e.Steps));
    }

    [Fact]
    public void AttentionOverOneCandidate_IsTopOne_EpisodeForEpisode()
    {
        var off = Run("doorkey-6x6", 2000, attention: null);
        var single = Run("doorkey-6x6", 2000, new AttentionRetrievalOptions { MaxCandidates = 1 });

        Assert.Equal(off.Curve, single.Curve);
        Assert.Equal(off.Episodes, single.Episodes);
        Assert.Equal(off.Agent.NetworkActions, single.Agent.NetworkActions);
        Assert.Equal(0, single.Agent.BlendedActions);
    }

    [Fact]
    public void Attention_SameSeed_SameEpisodes_AndItBlends()
    {
        // Skills split by key similarity as well as by preconditions and effect, so variants serving one effect exist.
        var options = new AttentionRetrievalOptions { ExactFit = 1f, Temperature = 0.1f };
        var first = Run("doorkey-6x6", 2000, options, matchSimilarity: 0.9f);
        var second = Run("doorkey-6x6", 2000, options, matchSimilarity: 0.9f);

        Assert.Equal(first.Curve, second.Curve);
        Assert.Equal(first.Episodes, second.Episodes);
        Assert.True(first.Agent.BlendedActions > 0, $"nothing blended in {first.Agent.NetworkActions} network actions");
    }
    [Fact]
    public void Attention_WithThePerContextLifecycle_BlendsOnlySkillsThatServeTheContext()
    {
        // An original split off from context 0 and its variant bound there: in context 0 only the variant serves, so
        // attention has nothing to blend it with (the split would be undone if the original's network acted there).
        IEnvironment environment = EnvironmentRegistry.Create("doorkey-5x5");
        var agent = new ProceduralMemoryAgent(environment, new ProceduralMemoryAgentOptions
        {
            Seed = 3, ExploreForUnplannedSkills = false, Attention = new AttentionRetrievalOptions { ExactFit = 1f },
            ContextLifecycle = new ContextLifecycleOptions { Split = null, Decay = null },
        });
        int features = Perceptions.For(environment).FeatureCount, actions = environment.Actions.Count, dimension = agent.Library.EmbeddingDimension;
        ulong hasKey = environment.Facts.MaskOf(["has_key"]);
        var effect = new FactCondition(hasKey, hasKey);
        Skill Add(int id, ulong seed, int axis)
        {
            var key = new float[dimension];
            key[axis] = 1f;
            var module = new SkillModule(features, actions, [8], capacity: 4, seed);
            var skill = new Skill($"pickup(key)#{id + 1}", FactCondition.Always, effect, new MlpPolicy(module.Network), new SkillTermination(effect, 20), key) { Id = id };
            agent.Library.Restore(skill);
            return skill;
        }
        Skill original = Add(0, 1, 0), variant = Add(1, 2, 1);
        variant.Variant = "context 0";
        ContextLifecycle contexts = agent.ContextLifecycle!;
        float[] centroid = new float[dimension];
        centroid[2] = 1f;
        contexts.Contexts.Adopt(0, centroid);
        contexts.Record(new SkillSplit(original.Id, 0, variant.Id, 1, "test"));

        agent.PlayEpisode(0, environment.MaxSteps, learn: false);

        Assert.True(agent.NetworkActions > 0, "no network chose an action: nothing is checked");
        Assert.Equal(0, agent.BlendedActions);
    }
}
